import { describe, expect, it } from "vitest";
import { detectDelimiter, parseDelimited, toCsv } from "@/lib/import/csv";
import { contentKeys, guessMapping, looksLikeHeader } from "@/lib/import/kinds";
import { parseAmount, parseImportDate } from "@/lib/import/import-rows";

describe("delimited text", () => {
  it("reads RFC 4180 CSV: quoted delimiters, escaped quotes, newlines in quotes, CRLF, a BOM and blank lines", () => {
    const text = '\ufeffname,note\r\n"Acme, Ltd","said ""hi""\nthen left"\r\n\r\nBeta,\n';
    expect(parseDelimited(text, ",")).toEqual([
      ["name", "note"],
      ["Acme, Ltd", 'said "hi"\nthen left'],
      ["Beta", ""],
    ]);
  });

  it("keeps a quote inside an unquoted field literal, and text after a closing quote, like before the slice-based parser", () => {
    expect(parseDelimited('a"b,c\n"x""y"z,;\r\nlast', ",")).toEqual([['a"b', "c"], ['x"yz', ";"], ["last"]]);
    expect(parseDelimited("one;two;\n;;three", ";")).toEqual([
      ["one", "two", ""],
      ["", "", "three"],
    ]);
    expect(parseDelimited('"unterminated, with a comma', ",")).toEqual([["unterminated, with a comma"]]);
  });

  it("detects comma, semicolon, tab and whitespace (CDNOW) files", () => {
    expect(detectDelimiter("a,b,c\n1,2,3\n")).toBe(",");
    expect(detectDelimiter('a;b\n"1,5";2\n')).toBe(";");
    expect(detectDelimiter("a\tb\n1\t2\n")).toBe("\t");
    expect(detectDelimiter(" 00004 0001 19970101  2   29.33\n 00004 0001 19970118  2   29.73\n")).toBe("whitespace");
    expect(parseDelimited(" 00004 0001 19970101  2   29.33\n", "whitespace")).toEqual([
      ["00004", "0001", "19970101", "2", "29.33"],
    ]);
  });

  it("writes CSV with quoting, and defuses spreadsheet formulas in text", () => {
    expect(
      toCsv([
        ["row", "message"],
        [3, 'Bad "value", see'],
        [4, "=HYPERLINK(1)"],
      ]),
    ).toBe('row,message\r\n3,"Bad ""value"", see"\r\n4,\'=HYPERLINK(1)\r\n');
  });
});

describe("mapping and keys", () => {
  it("guesses columns from a header by key, label or alias, ignoring case and punctuation", () => {
    expect(guessMapping("transactions", ["Customer_ID", "Date", "Dollar Value", "Order ID"])).toEqual({
      customerRef: 0,
      occurredAt: 1,
      revenue: 2,
      margin: null,
      servingPartner: null,
      channel: null,
      externalRef: 3,
    });
    expect(looksLikeHeader("customers", ["00004", "0001", "19970101"])).toBe(false);
  });

  it("tells identical rows apart by occurrence, the same way on every import", () => {
    const rows = [{ a: "1" }, { a: "1" }, { a: "2" }];
    const keys = contentKeys(rows);
    expect(new Set(keys).size).toBe(3);
    expect(contentKeys(rows)).toEqual(keys);
  });
});

describe("values", () => {
  it("parses dates as YYYY-MM-DD, YYYYMMDD or ISO date-times, refusing impossible ones", () => {
    expect(parseImportDate("19970101")?.toISOString()).toBe("1997-01-01T00:00:00.000Z");
    expect(parseImportDate("2026-03-01")?.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(parseImportDate("2026-03-01T10:00:00+02:00")?.toISOString()).toBe("2026-03-01T08:00:00.000Z");
    expect(parseImportDate("2026-02-30")).toBeNull();
    expect(parseImportDate("01/03/2026")).toBeNull();
  });

  it("parses amounts with thousands separators, rounding to cents", () => {
    expect(parseAmount("1,234.567")).toBe(1234.57);
    expect(parseAmount("-3")).toBe(-3);
    expect(parseAmount("12,5")).toBeNull();
    expect(parseAmount("abc")).toBeNull();
  });
});

describe("the import's error report shares the export writer (issue 13, finding 8)", () => {
  it("quotes semicolons and TABs and defuses formulas", () => {
    expect(
      toCsv([
        ["row", "message"],
        [2, "SEC;=1+1;x"],
        [3, "@SUM(A1)\tx"],
      ]),
    ).toBe(`row,message\r\n2,"SEC;=1+1;x"\r\n3,"'@SUM(A1)\tx"\r\n`);
  });
});

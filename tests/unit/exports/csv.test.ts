import { describe, expect, it } from "vitest";
import {
  csvCell,
  escapeFormula,
  quoteField,
  safeFileName,
  toCsv as typedToCsv,
  type CsvColumn,
} from "@/lib/exports/csv";

/** Untyped rows, as the SQL layer returns them. */
const toCsv = (rows: Record<string, unknown>[], columns: readonly CsvColumn[]) => typedToCsv(rows, columns);

const COLS: CsvColumn[] = [
  { key: "name", header: "Partner" },
  { key: "score", header: "Score" },
];

describe("toCsv", () => {
  it("writes a header row and CRLF-terminated records in column order", () => {
    const csv = toCsv(
      [
        { score: 72.5, name: "Northwind Delivery", extra: "ignored" },
        { name: "Swift Couriers", score: null },
      ],
      COLS,
    );
    expect(csv).toBe("Partner,Score\r\nNorthwind Delivery,72.5\r\nSwift Couriers,\r\n");
  });

  it("no rows → the header row only", () => {
    expect(toCsv([], COLS)).toBe("Partner,Score\r\n");
  });

  it("accepts typed rows (interfaces) and an optional UTF-8 BOM", () => {
    interface Row {
      partner: string;
      month: Date;
    }
    const rows: Row[] = [{ partner: "Zürich Hosts", month: new Date("2026-10-01T00:00:00Z") }];
    const csv = typedToCsv(
      rows,
      [
        { key: "partner", header: "Partner" },
        { key: "month", header: "Month" },
      ],
      { bom: true },
    );
    expect(csv).toBe("\uFEFFPartner,Month\r\nZürich Hosts,2026-10-01T00:00:00.000Z\r\n");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    // Column keys are checked against the row type.
    // @ts-expect-error "score" is not a key of Row
    typedToCsv(rows, [{ key: "score", header: "Score" }]);
  });

  it("a missing key is an empty cell", () => {
    expect(toCsv([{ name: "A" }], COLS)).toBe("Partner,Score\r\nA,\r\n");
  });

  it("escapes each dangerous first character of a string cell", () => {
    const rows = [
      { name: '=HYPERLINK("http://evil")', score: 1 },
      { name: "+1+2", score: 2 },
      { name: "-2+3", score: 3 },
      { name: "@SUM(A1)", score: 4 },
      { name: "\tcmd", score: 5 },
      { name: "\rcmd", score: 6 },
    ];
    expect(toCsv(rows, COLS).split("\r\n").slice(1, 5)).toEqual([
      // contains quotes → quoted, quotes doubled, after the leading '
      '"\'=HYPERLINK(""http://evil"")",1',
      "'+1+2,2",
      "'-2+3,3",
      "'@SUM(A1),4",
    ]);
    const csv = toCsv(rows.slice(4), COLS);
    // a TAB is another locale's separator: quoted as well (issue 13, finding 8)
    expect(csv).toBe('Partner,Score\r\n"\'\tcmd",5\r\n"\'\rcmd",6\r\n');
  });

  it("escapes the header too", () => {
    expect(toCsv([], [{ key: "a", header: "=cmd|' /C calc'!A0" }])).toBe("'=cmd|' /C calc'!A0\r\n");
  });

  it("writes numbers as numbers, negative ones unescaped; a negative number as a string is escaped", () => {
    expect(toCsv([{ name: "A", score: -12.5 }], COLS)).toBe("Partner,Score\r\nA,-12.5\r\n");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(BigInt(-7))).toBe("-7");
    expect(csvCell("-12.5")).toBe("'-12.5");
  });

  it("leaves dangerous characters alone when they are not first", () => {
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("Smith-Jones")).toBe("Smith-Jones");
    expect(csvCell("x@y.test")).toBe("x@y.test");
  });
});

describe("csvCell (RFC 4180)", () => {
  it("quotes fields with a comma, a quote, CR or LF and doubles quotes", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('He said "hi"')).toBe('"He said ""hi"""');
    expect(csvCell("line 1\nline 2")).toBe('"line 1\nline 2"');
    expect(csvCell("line 1\r\nline 2")).toBe('"line 1\r\nline 2"');
    expect(csvCell("a\rb")).toBe('"a\rb"');
    expect(csvCell('"')).toBe('""""');
    expect(csvCell("plain text")).toBe("plain text");
  });

  it('formula escape then quoting: =1+1,2 → "\'=1+1,2"', () => {
    expect(csvCell("=1+1,2")).toBe('"\'=1+1,2"');
  });

  it("formats other types", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe("");
    expect(csvCell(true)).toBe("true");
    expect(csvCell(false)).toBe("false");
    expect(csvCell(new Date("2026-10-01T00:00:00Z"))).toBe("2026-10-01T00:00:00.000Z");
    expect(csvCell(new Date("nope"))).toBe("");
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
    expect(csvCell("")).toBe("");
  });

  it("escapeFormula and quoteField on their own", () => {
    for (const c of ["=", "+", "-", "@", "\t", "\r"]) expect(escapeFormula(`${c}x`)).toBe(`'${c}x`);
    expect(escapeFormula("x=")).toBe("x=");
    expect(escapeFormula("")).toBe("");
    expect(quoteField("a")).toBe("a");
    expect(quoteField('a"b')).toBe('"a""b"');
  });
});

describe("safeFileName", () => {
  it("turns spaces and slashes into single dashes", () => {
    expect(safeFileName("Scorecards 2026-10 / Northwind Home.csv")).toBe("Scorecards-2026-10-Northwind-Home.csv");
  });

  it("keeps letters, digits, dash, underscore and dot", () => {
    expect(safeFileName("report_2026.v2-final.csv")).toBe("report_2026.v2-final.csv");
  });

  it("drops accents and other characters", () => {
    expect(safeFileName("Café Zürich.csv")).toBe("Cafe-Zurich.csv");
    expect(safeFileName("📈 report.csv")).toBe("report.csv");
    expect(safeFileName('a<b>c:"d"|e?*.csv')).toBe("a-b-c-d-e.csv");
    expect(safeFileName("a\r\nContent-Type: x.csv")).toBe("a-Content-Type-x.csv");
  });

  it("no path traversal and no leading dots", () => {
    expect(safeFileName("../../etc/passwd")).toBe("etc-passwd");
    expect(safeFileName(".hidden")).toBe("hidden");
    expect(safeFileName("..\\..\\win.ini")).toBe("win.ini");
    expect(safeFileName("name. .csv")).toBe("name.csv");
    expect(safeFileName("trailing.")).toBe("trailing");
  });

  it("never empty", () => {
    expect(safeFileName("")).toBe("export");
    expect(safeFileName("///")).toBe("export");
    expect(safeFileName("...")).toBe("export");
    expect(safeFileName("日本語")).toBe("export");
    expect(safeFileName("///", "scorecards")).toBe("scorecards");
  });

  it("at most 100 characters, keeping the extension", () => {
    const long = safeFileName(`${"a".repeat(150)}.csv`);
    expect(long).toBe(`${"a".repeat(96)}.csv`);
    expect(long).toHaveLength(100);
    expect(safeFileName("b".repeat(150))).toBe("b".repeat(100));
  });

  it("no Windows device names", () => {
    expect(safeFileName("CON.csv")).toBe("export-CON.csv");
    expect(safeFileName("nul")).toBe("export-nul");
    expect(safeFileName("console.csv")).toBe("console.csv");
  });

  it("every result uses only the safe alphabet", () => {
    const nasty = ["\u0000x", " - ", "-rf", "a/../b", "%2e%2e%2f", `${"x".repeat(300)}.tar.gz`, "\t\t", "ÅÆØ", "a—b–c"];
    for (const n of nasty) {
      const s = safeFileName(n);
      expect(s).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*$/);
      expect(s.length).toBeLessThanOrEqual(100);
      expect(s).not.toContain("..");
    }
  });
});

describe("separators of other locales (issue 13, finding 8)", () => {
  it("quotes a field holding a semicolon or a TAB, so ;- and TAB-separated readers keep it one cell", () => {
    expect(csvCell("SEC;=1+1;x")).toBe('"SEC;=1+1;x"');
    expect(csvCell("a\tb")).toBe('"a\tb"');
    expect(toCsv([{ name: "SEC;=1+1;x", score: 1 }], COLS)).toBe('Partner,Score\r\n"SEC;=1+1;x",1\r\n');
  });

  it("defuses a formula prefix at the start of every text cell, quoting it when needed", () => {
    expect(csvCell("=1+1;x")).toBe(`"'=1+1;x"`);
    expect(csvCell("\t=1+1")).toBe(`"'\t=1+1"`);
    expect(csvCell("\n=1+1")).toBe(`"'\n=1+1"`);
    expect(csvCell("＝1+1")).toBe("'＝1+1");
    expect(csvCell("＋cmd")).toBe("'＋cmd");
  });
});

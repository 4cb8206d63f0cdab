/** The full CDNOW master file opens with a header line; the parser skips it and reads every purchase. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseCdnow } from "@/lib/value/models/cdnow";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const masterPath = [
  resolve(repoRoot, "../shared/data/cdnow/CDNOW_master.txt"),
  "/work/shared/data/cdnow/CDNOW_master.txt",
].find((p) => existsSync(p));

describe("parseCdnow: the master file's header", () => {
  it("skips a header line and reads the rows after it", () => {
    const records = parseCdnow(
      " customer_id  date number_of_cds  dollar_value\n 00001 19970101  1   11.77\n 00002 19970112  1   12.00\n",
    );
    expect(records).toHaveLength(2);
    expect(records[0]).toEqual({
      masterId: "00001",
      customerId: "1",
      date: new Date(Date.UTC(1997, 0, 1)),
      quantity: 1,
      dollars: 11.77,
    });
  });

  it("still rejects a malformed line after the first", () => {
    expect(() => parseCdnow("00001 19970101 1 11.77\ncustomer_id date number_of_cds dollar_value")).toThrow(/line 2/);
  });

  it.skipIf(!masterPath)("reads the whole master file: 69,659 purchases by 23,570 customers", () => {
    const records = parseCdnow(readFileSync(masterPath!, "utf8"));
    expect(records).toHaveLength(69_659);
    expect(new Set(records.map((r) => r.customerId)).size).toBe(23_570);
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectedShape } from "@/lib/db/expected-shape";

// docs/scaling.md places every table on a Citus cluster (distributed by tenantId, reference, or
// local to the coordinator). This holds the document to the schema and to Citus's rules.

type Placement = "distributed" | "reference" | "local";

function placements(): Map<string, Placement> {
  const doc = readFileSync(join(process.cwd(), "docs", "scaling.md"), "utf8");
  const rows = [...doc.matchAll(/^\| `(\w+)` \| (distributed|reference|local) \|/gm)];
  const map = new Map<string, Placement>();
  for (const [, table, placement] of rows) {
    expect(map.has(table), `${table} is listed twice`).toBe(false);
    map.set(table, placement as Placement);
  }
  return map;
}

describe("docs/scaling.md", () => {
  const shape = expectedShape();
  const placed = placements();
  const placement = (table: string) => placed.get(table);

  it("places every table of the schema, and only those", () => {
    expect([...placed.keys()].sort()).toEqual(Object.keys(shape.tables).sort());
  });

  it("distributes exactly the tenant tables, by tenantId", () => {
    for (const [name, table] of Object.entries(shape.tables)) {
      expect({ name, placement: placement(name) }).toEqual({
        name,
        placement: "tenantId" in table.columns ? "distributed" : expect.not.stringMatching("distributed"),
      });
    }
  });

  it("keys every distributed table by tenantId: primary key and every unique key include it, but the global ones it names", () => {
    const doc = readFileSync(join(process.cwd(), "docs", "scaling.md"), "utf8");
    const namedGlobal = [...doc.matchAll(/^- `(\w+)\.(\w+)` \(/gm)].map(([, table, column]) => `${table}.${column}`);
    const global: string[] = [];
    for (const [name, table] of Object.entries(shape.tables).filter(([n]) => placement(n) === "distributed")) {
      expect({ name, primaryKey: table.primaryKey.includes("tenantId") }).toEqual({ name, primaryKey: true });
      for (const unique of table.uniques.filter((u) => !u.includes("tenantId")))
        global.push(`${name}.${unique.join("+")}`);
    }
    expect(global.sort()).toEqual(namedGlobal.sort());
  });

  it("has only foreign keys Citus accepts", () => {
    for (const [name, table] of Object.entries(shape.tables)) {
      for (const fk of table.foreignKeys) {
        const from = placement(name);
        const to = placement(fk.refTable);
        const fkName = `${name}(${fk.columns.join(",")}) → ${fk.refTable}(${fk.refColumns.join(",")})`;
        if (from === "distributed" && to === "distributed") {
          // between colocated distributed tables: tenantId on both sides, at the same position
          const at = fk.columns.indexOf("tenantId");
          expect({ fkName, ok: at >= 0 && fk.refColumns[at] === "tenantId" }).toEqual({ fkName, ok: true });
        } else if (from === "distributed") {
          expect({ fkName, to }).toEqual({ fkName, to: "reference" });
        } else if (from === "reference") {
          expect({ fkName, to }).toEqual({ fkName, to: "reference" });
        } else {
          expect({ fkName, to }).toEqual({ fkName, to: expect.stringMatching(/^(reference|local)$/) });
        }
      }
    }
  });
});

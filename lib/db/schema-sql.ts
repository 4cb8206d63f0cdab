import type { SchemaShape, Table } from "./schema-shape";

// Writes the DDL that brings `actual` up to `expected` for what can be added (new enums, tables,
// columns, indexes, foreign keys), named the way Prisma names them. Used by `npm run db:diff`
// to draft a new migration; anything it cannot express (drops, type changes) is listed as a TODO.

const q = (name: string) => `"${name}"`;
const cols = (names: string[]) => names.map(q).join(", ");

function columnSql(name: string, table: Table) {
  const c = table.columns[name];
  const type = c.type
    .replace(/^timestamp\(3\)/, "TIMESTAMP(3)")
    .replace(/^text/, "TEXT")
    .replace(/^integer/, "INTEGER")
    .replace(/^double precision/, "DOUBLE PRECISION")
    .replace(/^boolean/, "BOOLEAN")
    .replace(/^jsonb/, "JSONB")
    .replace(/^numeric/, "DECIMAL")
    .replace(/^date$/, "DATE");
  const def = c.default === null ? "" : ` DEFAULT ${c.default}`;
  return `${q(name)} ${type}${c.nullable ? "" : " NOT NULL"}${def}`;
}

export function migrationSql(expected: SchemaShape, actual: SchemaShape): string {
  const out: string[] = [];
  const todo: string[] = [];
  for (const [name, values] of Object.entries(expected.enums)) {
    const got = actual.enums[name];
    if (!got) out.push(`-- CreateEnum\nCREATE TYPE ${q(name)} AS ENUM (${values.map((v) => `'${v}'`).join(", ")});`);
    else
      for (const v of values) if (!got.includes(v)) out.push(`-- AlterEnum\nALTER TYPE ${q(name)} ADD VALUE '${v}';`);
  }
  const fks: string[] = [];
  const indexes: string[] = [];
  for (const [name, table] of Object.entries(expected.tables)) {
    const got = actual.tables[name];
    if (!got) {
      const lines = Object.keys(table.columns).map((c) => `    ${columnSql(c, table)}`);
      lines.push(`\n    CONSTRAINT ${q(`${name}_pkey`)} PRIMARY KEY (${cols(table.primaryKey)})`);
      out.push(`-- CreateTable\nCREATE TABLE ${q(name)} (\n${lines.join(",\n")}\n);`);
    } else {
      for (const c of Object.keys(table.columns))
        if (!got.columns[c]) out.push(`-- AlterTable\nALTER TABLE ${q(name)} ADD COLUMN ${columnSql(c, table)};`);
        else if (JSON.stringify(got.columns[c]) !== JSON.stringify(table.columns[c]))
          todo.push(`-- TODO ${name}.${c}: ${JSON.stringify(got.columns[c])} -> ${JSON.stringify(table.columns[c])}`);
    }
    const has = (list: string[][] | undefined, c: string[]) => list?.some((x) => x.join() === c.join());
    for (const u of table.uniques)
      if (!has(got?.uniques, u))
        indexes.push(
          `-- CreateIndex\nCREATE UNIQUE INDEX ${q(`${name}_${u.join("_")}_key`)} ON ${q(name)}(${cols(u)});`,
        );
    for (const i of table.indexes)
      if (!has(got?.indexes, i))
        indexes.push(`-- CreateIndex\nCREATE INDEX ${q(`${name}_${i.join("_")}_idx`)} ON ${q(name)}(${cols(i)});`);
    for (const fk of table.foreignKeys) {
      const exists = got?.foreignKeys.some((f) => JSON.stringify(f) === JSON.stringify(fk));
      if (!exists)
        fks.push(
          `-- AddForeignKey\nALTER TABLE ${q(name)} ADD CONSTRAINT ${q(`${name}_${fk.columns.join("_")}_fkey`)} ` +
            `FOREIGN KEY (${cols(fk.columns)}) REFERENCES ${q(fk.refTable)}(${cols(fk.refColumns)}) ` +
            `ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate};`,
        );
    }
  }
  return `${[...out, ...indexes, ...fks, ...todo].join("\n\n")}\n`;
}

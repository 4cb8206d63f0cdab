import type { PGlite } from "@electric-sql/pglite";
import type { MigrationConnection } from "./migrator";

/** Adapts an in-process PGlite to the small connection interface the migrator and drift check use. */
export function pgliteConnection(db: PGlite): MigrationConnection {
  return {
    query: async <T>(sql: string, params?: unknown[]) => {
      const result = await db.query<T>(sql, params as unknown[]);
      return { rows: result.rows };
    },
    exec: (sql: string) => db.exec(sql),
  };
}

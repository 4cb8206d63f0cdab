import pg from "pg";
import { migrate } from "./migrator";

/** Applies pending migrations to a PostgreSQL server, connecting with the URL's own (owner) role. */
export async function migrateServer(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await migrate({
      query: async <T>(sql: string, params?: unknown[]) =>
        (await client.query(sql, params as unknown[])) as unknown as { rows: T[] },
      exec: (sql: string) => client.query(sql),
    });
  } finally {
    await client.end();
  }
}

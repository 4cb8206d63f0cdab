import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";

// Applies Prisma migration folders (prisma/migrations/<timestamp>_<name>/migration.sql) and records
// them in _prisma_migrations exactly as `prisma migrate deploy` does (checksum = sha256 of the
// file), so the official CLI agrees with it on a machine that can run Prisma's native engine.

export type MigrationConnection = {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs a script of several statements. */
  exec(sql: string): Promise<unknown>;
};

export type Migration = { name: string; sql: string; checksum: string };

const LOCK_KEY = 72_707_369; // any constant shared by every process migrating this database

const MIGRATIONS_DIR = join(process.cwd(), "prisma", "migrations");

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

class MigrationError extends Error {}

/** Applies every pending migration in order; returns the names applied. Safe to run concurrently. */
export async function migrate(db: MigrationConnection, migrations = readMigrations()): Promise<string[]> {
  await db.query(`select pg_advisory_lock($1)`, [LOCK_KEY]);
  try {
    await db.exec(`
      CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
        "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
        "checksum"            VARCHAR(64) NOT NULL,
        "finished_at"         TIMESTAMPTZ,
        "migration_name"      VARCHAR(255) NOT NULL,
        "logs"                TEXT,
        "rolled_back_at"      TIMESTAMPTZ,
        "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
        "applied_steps_count" INTEGER NOT NULL DEFAULT 0
      );`);
    const { rows } = await db.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `select migration_name, checksum, finished_at from "_prisma_migrations" where rolled_back_at is null`,
    );
    const applied = new Map(rows.map((r) => [r.migration_name, r]));
    const done: string[] = [];
    for (const migration of migrations) {
      const previous = applied.get(migration.name);
      if (previous) {
        if (!previous.finished_at)
          throw new MigrationError(`Migration ${migration.name} started but did not finish; fix the database by hand.`);
        if (previous.checksum !== migration.checksum)
          throw new MigrationError(`Migration ${migration.name} was edited after it was applied (checksum differs).`);
        continue;
      }
      const id = randomUUID();
      await db.exec("BEGIN");
      try {
        await db.query(
          `insert into "_prisma_migrations" (id, checksum, migration_name, started_at) values ($1, $2, $3, now())`,
          [id, migration.checksum, migration.name],
        );
        await db.exec(migration.sql);
        await db.query(`update "_prisma_migrations" set finished_at = now(), applied_steps_count = 1 where id = $1`, [
          id,
        ]);
        await db.exec("COMMIT");
      } catch (error) {
        await db.exec("ROLLBACK");
        throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
      done.push(migration.name);
    }
    return done;
  } finally {
    await db.query(`select pg_advisory_unlock($1)`, [LOCK_KEY]);
  }
}

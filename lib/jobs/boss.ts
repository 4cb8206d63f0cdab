import PgBoss from "pg-boss";

/** What pg-boss needs of a connection: run one statement (or a parameterless script) and return its rows. */
export type SqlExecutor = {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
};

export const JOB_SCHEMA = "pgboss";

/**
 * A pg-boss instance over `executor`. pg-boss never opens a connection of its own here: the worker passes the
 * app's pool (role steward_app), and enqueue passes the caller's transaction per call. The schema is created
 * by a migration (prisma/migrations/20261204102000_job_queue), so pg-boss never migrates.
 */
export function createBoss(executor: SqlExecutor, options: Partial<PgBoss.ConstructorOptions> = {}): PgBoss {
  return new PgBoss({
    db: executor,
    schema: JOB_SCHEMA,
    migrate: false,
    ...options,
  } as PgBoss.ConstructorOptions);
}

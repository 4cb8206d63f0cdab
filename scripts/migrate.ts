// `npm run db:migrate`: applies the pending migrations in prisma/migrations to the configured database —
// the PostgreSQL server of DATABASE_URL (as the URL's own role, which owns the schema), or else the
// embedded database in STEWARD_DATA_DIR — and says which database it migrated.
import { prepareRuntime } from "./runtime";

try {
  const runtime = await prepareRuntime(); // migrates the server, or starts (and so migrates) the embedded database
  await runtime.embedded?.stop();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}

// `npm run db:seed`: seeds the demo tenants that are missing — northwind (full scale) and contoso
// (small), with their customer values — into the configured database (DATABASE_URL's server, else
// the embedded database in STEWARD_DATA_DIR), migrating it first, then prints the logins.
//   --small   seed northwind at small scale too (quick)
import { prepareRuntime } from "./runtime";
import { connectDatabase, disconnectDatabase } from "../lib/db/client";
import { ensureDemoTenants } from "../lib/seed/ensure-demo";

const runtime = await prepareRuntime().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
try {
  // The embedded database serves one connection at a time.
  connectDatabase(runtime.databaseUrl, runtime.embedded ? 1 : undefined);
  const logins = await ensureDemoTenants(
    (line) => console.log(line),
    process.argv.includes("--small") ? "small" : "full",
  );
  for (const login of logins) console.log(`  ${login.label}: ${login.email}  ${login.password}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await disconnectDatabase();
  await runtime.embedded?.stop();
}

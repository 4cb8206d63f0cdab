// `npm run db:seed`: seeds the demo tenants that are missing — northwind (full scale) and contoso
// (small), with their customer values — into the database lib/db/client.ts connects to
// (DATABASE_URL, or STEWARD_EMBEDDED_URL of a running embedded database), then prints the logins.
//   --small   seed northwind at small scale too (quick)
import { disconnectDatabase } from "../lib/db/client";
import { ensureDemoTenants } from "../lib/seed/ensure-demo";

try {
  const logins = await ensureDemoTenants((line) => console.log(line), process.argv.includes("--small") ? "small" : "full");
  for (const login of logins) console.log(`  ${login.label}: ${login.email}  ${login.password}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await disconnectDatabase();
}

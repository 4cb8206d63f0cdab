// `npm run db:seed`: seeds the demo tenants that are missing — northwind (full scale) and contoso
// (small) — into the database lib/db/client.ts connects to (DATABASE_URL, or STEWARD_EMBEDDED_URL
// of a running embedded database), then prints the demo logins.
//   --small   seed northwind at small scale too (quick)
import { disconnectDatabase } from "../lib/db/client";
import { demoLogins, demoTenantExists, seedDemoTenant, type SeedDemoOptions } from "../lib/seed/demo-tenant";

const tenants: SeedDemoOptions[] = [
  { slug: "northwind", scale: process.argv.includes("--small") ? "small" : "full", seed: 42 },
  { slug: "contoso", scale: "small", seed: 7 },
];

try {
  for (const options of tenants) {
    if (await demoTenantExists(options.slug)) {
      console.log(`${options.slug}: already seeded`);
    } else {
      const started = Date.now();
      const { counts } = await seedDemoTenant({ ...options, onProgress: (line) => console.log(`  ${line}`) });
      console.log(
        `${options.slug}: seeded in ${((Date.now() - started) / 1000).toFixed(1)} s — ` +
          `${counts.partners} partners, ${counts.customers} customers, ${counts.transactions} transactions, ` +
          `${counts.interactions} interactions, ${counts.incidents} incidents`,
      );
    }
    // Logins are derived from the options, so they print the same whether seeded now or before.
    const logins = demoLogins(options);
    console.log(`  owner    ${logins.owner.email}  ${logins.owner.password}`);
    console.log(`  steward  ${logins.steward.email}  ${logins.steward.password}`);
    console.log(`  analyst  ${logins.analyst.email}  ${logins.analyst.password}`);
    console.log(`  partner  ${logins.partner.email}  ${logins.partner.password}  (${logins.partner.partnerName})`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await disconnectDatabase();
}

import { defineConfig } from "prisma/config";

// The CLI is only used offline for `prisma generate`; migrations are applied by lib/db/migrator.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/steward" },
});

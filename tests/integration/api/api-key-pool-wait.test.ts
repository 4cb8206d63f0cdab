import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { databasePool } from "@/lib/db/client";
import { authenticateApiKey } from "@/lib/api/keys";
import { apiFixture } from "./helpers";

// Issue 15: the API key lookup was the one interactive transaction without options, so it gave up
// after Prisma's default maxWait (2 s) whenever the pool was busy, and the API answered 500.

let database: TestDatabase;
let fixture: Awaited<ReturnType<typeof apiFixture>>;

beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await apiFixture("pool-wait");
});
afterAll(() => database.close());

describe("authenticateApiKey on a busy pool", () => {
  it("waits for a connection longer than 2 s instead of failing", async () => {
    // Every pooled connection (1 on the embedded database, 4 on PostgreSQL in tests) is held for 2.5 s.
    const connections = database.kind === "pglite" ? 1 : 4;
    const holders = Array.from({ length: connections }, () =>
      withTenant(
        { tenantId: fixture.tenantId },
        async (db) => {
          await db.$executeRaw`select 1`;
          await new Promise((resolve) => setTimeout(resolve, 2_500));
        },
        { timeoutMs: 10_000 },
      ),
    );
    const pool = databasePool();
    while (pool.totalCount - pool.idleCount < connections) await new Promise((resolve) => setTimeout(resolve, 20));
    const started = performance.now();
    const principal = await authenticateApiKey(fixture.tenantKey);
    expect(performance.now() - started).toBeGreaterThan(2_000);
    expect(principal).toMatchObject({ tenantId: fixture.tenantId, partnerId: null, name: "ERP" });
    await Promise.all(holders);
  }, 60_000);
});

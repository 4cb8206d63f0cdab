import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { admitApiKey } from "@/lib/api/admission";
import { revokeApiKey } from "@/lib/api/keys";
import { apiFixture } from "./helpers";

// Issue 15: the key lookup and the rate-limit count are one short transaction on the pg pool (they
// were two Prisma interactive transactions per request). Same answers, same row-level security.

let database: TestDatabase;
let fixture: Awaited<ReturnType<typeof apiFixture>>;

beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await apiFixture("admission", 3);
});
afterAll(() => database.close());

describe("admitApiKey", () => {
  it("counts each request in the key's window, refuses past the limit and marks the key used", async () => {
    const now = new Date(Date.UTC(2026, 11, 4, 12, 0, 10));
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await admitApiKey(fixture.partnerKey, now));
    expect(answers.map((a) => a?.limit.remaining)).toEqual([2, 1, 0, 0]);
    expect(answers.map((a) => a?.limit.allowed)).toEqual([true, true, true, false]);
    expect(answers[3]!.limit.retryAfterSeconds).toBe(50);
    expect(answers[0]!.principal).toEqual({
      apiKeyId: fixture.partnerKeyId,
      name: "Alpha TMS",
      tenantId: fixture.tenantId,
      partnerId: fixture.partnerA.id,
      rateLimitPerMinute: 3,
    });
    // A new minute is a new window; the other key has its own.
    expect((await admitApiKey(fixture.partnerKey, new Date(now.getTime() + 60_000)))!.limit.remaining).toBe(2);
    expect((await admitApiKey(fixture.tenantKey, now))!.limit.remaining).toBe(2);
    const key = await withTenant({ tenantId: fixture.tenantId }, (db) =>
      db.apiKey.findFirstOrThrow({ where: { id: fixture.partnerKeyId } }),
    );
    expect(key.lastUsedAt?.getTime()).toBe(now.getTime()); // touched at most once a minute
  });

  it("answers null for a malformed, unknown or revoked key", async () => {
    expect(await admitApiKey("not-a-key")).toBeNull();
    expect(await admitApiKey(`stw_${"x".repeat(43)}`)).toBeNull();
    await withTenant({ tenantId: fixture.tenantId }, (db) => revokeApiKey(db, fixture.tenantId, fixture.tenantKeyId));
    expect(await admitApiKey(fixture.tenantKey)).toBeNull();
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { hashApiKey } from "@/lib/api/keys";
import { addMember, createPartner, createTenantWithOwner, createUser } from "@/lib/seed/factories";
import type { SessionUser } from "@/lib/auth/session";
import { call } from "./helpers";
import { GET as listPartners } from "@/app/api/v1/partners/route";

let signedIn: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { createApiKeyAction, revokeApiKeyAction } = await import("@/app/t/[tenant]/settings/api-keys/actions");

let database: TestDatabase;
const people: Record<string, SessionUser> = {};
let tenantId = "";
let partnerId = "";
let otherPartnerId = "";

beforeAll(async () => {
  database = await createTestDatabase();
  const { tenant, owner } = await createTenantWithOwner({ slug: "acme" });
  const other = await createTenantWithOwner({ slug: "other" });
  tenantId = tenant.id;
  const steward = await createUser({ email: "steward@acme.test" });
  await withTenant({ tenantId }, async (db) => {
    partnerId = (await createPartner(db, tenantId, { name: "Swift" })).id;
    await addMember(db, { tenantId, userId: steward.user.id, role: "STEWARD" });
  });
  await withTenant({ tenantId: other.tenant.id }, async (db) => {
    otherPartnerId = (await createPartner(db, other.tenant.id, { name: "Elsewhere" })).id;
  });
  const session = (u: { id: string; email: string; name: string }) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    sessionId: "test",
  });
  people.owner = session(owner.user);
  people.steward = session(steward.user);
  people.stranger = session(other.owner.user);
});
afterAll(() => database.close());
beforeEach(() => {
  signedIn = null;
});

const keys = () => withTenant({ tenantId }, (db) => db.apiKey.findMany({ orderBy: { createdAt: "asc" } }));
const audits = () =>
  withTenant({ tenantId }, async (db) =>
    (await db.auditLog.findMany({ where: { entityType: "ApiKey" } })).map((a) => a.action),
  );

describe("API key actions", () => {
  it("lets an owner create a partner-scoped key shown once, stored as a hash, usable at once", async () => {
    signedIn = people.owner;
    const result = await createApiKeyAction({
      tenantSlug: "acme",
      name: "Swift TMS",
      partnerId,
      rateLimitPerMinute: "120" as unknown as number,
    });
    expect(result.serverError).toBeUndefined();
    const key = result.data!.key;
    expect(key).toMatch(/^stw_[\w-]{43}$/);
    const [row] = await keys();
    expect(row).toMatchObject({
      name: "Swift TMS",
      partnerId,
      rateLimitPerMinute: 120,
      keyHash: hashApiKey(key),
      revokedAt: null,
    });
    expect(JSON.stringify(row)).not.toContain(key);
    const res = await call(listPartners, "GET", "/partners", { key });
    expect(res.status).toBe(200);
    expect(res.body.data.map((p: { id: string }) => p.id)).toEqual([partnerId]);
    expect(await audits()).toEqual(["api_key.created"]);
  });

  it("answers bad input with field messages and creates nothing", async () => {
    signedIn = people.owner;
    const before = (await keys()).length;
    const result = await createApiKeyAction({ tenantSlug: "acme", name: " ", rateLimitPerMinute: 0 });
    expect(result.validationErrors?.fieldErrors?.name?.[0]).toBe("Name the key, e.g. after the system that uses it.");
    expect(result.validationErrors?.fieldErrors?.rateLimitPerMinute?.[0]).toBe("Allow at least 1 request per minute.");
    const foreign = await createApiKeyAction({
      tenantSlug: "acme",
      name: "X",
      partnerId: otherPartnerId,
      rateLimitPerMinute: 60,
    });
    expect(foreign.serverError).toBe("That partner was not found.");
    expect((await keys()).length).toBe(before);
  });

  it("is for owners only: a steward and a stranger are refused", async () => {
    signedIn = people.steward;
    const steward = await createApiKeyAction({ tenantSlug: "acme", name: "Mine", rateLimitPerMinute: 60 });
    expect(steward.serverError).toBeDefined();
    signedIn = people.stranger;
    const stranger = await createApiKeyAction({ tenantSlug: "acme", name: "Mine", rateLimitPerMinute: 60 });
    expect(stranger.serverError).toBeDefined();
    expect((await keys()).map((k) => k.name)).toEqual(["Swift TMS"]);
    const [row] = await keys();
    signedIn = people.steward;
    expect((await revokeApiKeyAction({ tenantSlug: "acme", apiKeyId: row.id })).serverError).toBeDefined();
    expect((await keys())[0].revokedAt).toBeNull();
  });

  it("revokes a key: the API refuses it from then on", async () => {
    signedIn = people.owner;
    const created = await createApiKeyAction({ tenantSlug: "acme", name: "ERP", rateLimitPerMinute: 60 });
    const key = created.data!.key;
    expect((await call(listPartners, "GET", "/partners", { key })).status).toBe(200);
    const revoked = await revokeApiKeyAction({ tenantSlug: "acme", apiKeyId: created.data!.id });
    expect(revoked.serverError).toBeUndefined();
    expect((await call(listPartners, "GET", "/partners", { key })).status).toBe(401);
    expect((await revokeApiKeyAction({ tenantSlug: "acme", apiKeyId: "nope" })).serverError).toBe(
      "That API key was not found.",
    );
    expect(await audits()).toEqual(["api_key.created", "api_key.created", "api_key.revoked"]);
  });
});

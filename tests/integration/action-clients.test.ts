import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { addMember, createPartner, createTenantWithOwner, createUser } from "@/lib/seed/factories";
import type { SessionUser } from "@/lib/auth/session";
import { resetEnvCache } from "@/lib/env";

// The session cookie is next-auth's business; here the signed-in user is set directly and
// everything after it (membership, permission, validation, transaction, audit) runs for real.
let signedIn: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.stubEnv("APP_URL", "http://steward.test");

const { inviteMemberAction, removeMemberAction } = await import("@/app/t/[tenant]/settings/actions");

let database: TestDatabase;
const people: Record<string, SessionUser> = {};
let tenantId = "";
let otherTenantId = "";
let stewardMembershipId = "";

beforeAll(async () => {
  database = await createTestDatabase();
  const { tenant, owner } = await createTenantWithOwner({ slug: "acme" });
  const other = await createTenantWithOwner({ slug: "other" });
  tenantId = tenant.id;
  otherTenantId = other.tenant.id;
  const steward = await createUser({ email: "steward@acme.test" });
  const partnerUser = await createUser({ email: "agent@swift.test" });
  await withTenant({ tenantId }, async (db) => {
    const partner = await createPartner(db, tenantId, { name: "Swift" });
    stewardMembershipId = (await addMember(db, { tenantId, userId: steward.user.id, role: "STEWARD" })).id;
    await addMember(db, { tenantId, userId: partnerUser.user.id, role: "PARTNER_AGENT", partnerId: partner.id });
  });
  const session = (u: { id: string; email: string; name: string }) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    sessionId: "test",
  });
  people.owner = session(owner.user);
  people.steward = session(steward.user);
  people.partner = session(partnerUser.user);
  people.stranger = session(other.owner.user);
});
afterAll(() => database.close());
beforeEach(() => {
  signedIn = null;
});

const invitations = () => withTenant({ tenantId }, (db) => db.invitation.count());
const auditActions = () =>
  withTenant({ tenantId }, async (db) =>
    (await db.auditLog.findMany({ orderBy: { createdAt: "asc" } })).map((a) => a.action),
  );

describe("the steward action client", () => {
  it("runs an allowed action in the tenant transaction and audits it", async () => {
    signedIn = people.owner;
    const result = await inviteMemberAction({ tenantSlug: "acme", email: "new@acme.test", role: "ANALYST" });
    expect(result.serverError).toBeUndefined();
    expect(result.data?.link).toMatch(/^http:\/\/steward\.test\/invite\/[\w-]{43}$/);
    expect(await invitations()).toBe(1);
    expect(await auditActions()).toEqual(["member.invited"]);
  });

  it("logs the invitation at info level without its link", async () => {
    signedIn = people.owner;
    vi.stubEnv("LOG_LEVEL", "info");
    resetEnvCache();
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => written.push(String(chunk)) > 0);
    try {
      const result = await inviteMemberAction({ tenantSlug: "acme", email: "logged@acme.test", role: "ANALYST" });
      const token = result.data?.link.split("/invite/")[1];
      expect(token).toMatch(/^[\w-]{43}$/);
      expect(written.join("")).toContain("invitation created");
      expect(written.join("")).not.toContain(token);
    } finally {
      spy.mockRestore();
      vi.stubEnv("LOG_LEVEL", undefined);
      resetEnvCache();
    }
  });

  it("answers bad input with field messages and changes nothing", async () => {
    signedIn = people.owner;
    const before = await invitations();
    const result = await inviteMemberAction({ tenantSlug: "acme", email: "nope", role: "PARTNER_AGENT" });
    expect(result.validationErrors?.fieldErrors).toMatchObject({ email: ["Enter a valid e-mail address"] });
    const noPartner = await inviteMemberAction({ tenantSlug: "acme", email: "p@acme.test", role: "PARTNER_AGENT" });
    expect(noPartner.validationErrors?.fieldErrors).toMatchObject({
      partnerId: ["Choose the partner this person works for"],
    });
    expect(await invitations()).toBe(before);
  });

  it("refuses a role without the permission, a partner user, a stranger and the signed-out", async () => {
    const before = await invitations();
    const cases: [SessionUser | null, string][] = [
      [people.steward, "Your role does not allow this."],
      [people.partner, "Workspace not found."],
      [people.stranger, "Workspace not found."],
      [null, "Your session has ended. Sign in again."],
    ];
    for (const [user, message] of cases) {
      signedIn = user;
      const result = await inviteMemberAction({ tenantSlug: "acme", email: "x@acme.test", role: "STEWARD" });
      expect(result.serverError).toBe(message);
    }
    expect(await invitations()).toBe(before);
  });

  it("rolls back the whole transaction, audit included, when the action fails", async () => {
    signedIn = people.owner;
    const auditBefore = await auditActions();
    const result = await inviteMemberAction({ tenantSlug: "acme", email: "steward@acme.test", role: "STEWARD" });
    expect(result.serverError).toBe("steward@acme.test is already a member of this workspace.");
    expect(await auditActions()).toEqual(auditBefore);
  });

  it("answers a member id of another tenant as not found", async () => {
    signedIn = people.stranger;
    const foreign = await removeMemberAction({ tenantSlug: "other", membershipId: stewardMembershipId });
    expect(foreign.serverError).toBe("That member was not found.");
    const stillThere = await withTenant({ tenantId }, (db) =>
      db.membership.count({ where: { id: stewardMembershipId } }),
    );
    expect(stillThere).toBe(1);
    expect(otherTenantId).not.toBe(tenantId);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { prisma } from "@/lib/db/client";
import { attemptLogin, endSession, userForSession, MAX_FAILURES_PER_EMAIL } from "@/lib/auth/login";
import { accessFor } from "@/lib/auth/access";
import { signUp } from "@/lib/tenants/sign-up";
import { acceptInvitation, createInvitation, readInvitation } from "@/lib/members/invitations";
import { removeMember } from "@/lib/members/members";
import { addMember, createPartner, createTenantWithOwner, createUser } from "@/lib/seed/factories";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const asSession = (user: { id: string; email: string; name: string }, sessionId = "s") => ({ ...user, sessionId });

describe("sign-up", () => {
  it("creates the user, the tenant and its owner membership together", async () => {
    const answer = await signUp({
      name: "Ada",
      email: "ada@brand.test",
      password: "long-password-1",
      companyName: "Brand",
      slug: "brand",
    });
    expect(answer).toEqual({ email: "ada@brand.test" });
    const user = await prisma().user.findUniqueOrThrow({ where: { email: "ada@brand.test" } });
    const access = await accessFor(asSession(user), "brand");
    expect(access?.membership.role).toBe("OWNER");
    const audit = await withTenant({ tenantId: access!.tenant.id }, (db) => db.auditLog.findMany());
    expect(audit.map((a) => a.action)).toEqual(["tenant.created"]);
  });

  it("refuses a taken address, and answers a known e-mail as a new one, leaving nothing behind", async () => {
    await expect(
      signUp({
        name: "Bob",
        email: "bob@brand.test",
        password: "long-password-1",
        companyName: "Other",
        slug: "brand",
      }),
    ).rejects.toThrow("That workspace address is taken. Choose another.");
    expect(await prisma().user.findUnique({ where: { email: "bob@brand.test" } })).toBeNull();
    // A known (verified) e-mail gets the answer a new one gets (the mail, not the page, tells them apart), and no
    // workspace. (A never-verified one is replaced by the new sign-up: tests/integration/auth/account-mail.test.ts.)
    await prisma().user.update({ where: { email: "ada@brand.test" }, data: { emailVerifiedAt: new Date() } });
    await expect(
      signUp({
        name: "Ada",
        email: "ada@brand.test",
        password: "long-password-1",
        companyName: "X",
        slug: "brand-two",
      }),
    ).resolves.toEqual({ email: "ada@brand.test" });
    const user = await prisma().user.findUniqueOrThrow({ where: { email: "ada@brand.test" } });
    expect(await accessFor(asSession(user), "brand-two")).toBeNull();
  });
});

describe("sign-in", () => {
  it("opens a new session per sign-in and closes it on sign-out", async () => {
    const { user, password } = await createUser({ email: "carol@brand.test" });
    const first = await attemptLogin({ email: "Carol@Brand.test ", password }, "10.0.0.1");
    const second = await attemptLogin({ email: "carol@brand.test", password }, "10.0.0.1");
    if (!first.ok || !second.ok) throw new Error("sign-in should succeed");
    expect(first.sessionId).not.toBe(second.sessionId);
    expect((await userForSession(first.sessionId, user.id))?.email).toBe("carol@brand.test");
    await endSession(first.sessionId);
    expect(await userForSession(first.sessionId, user.id)).toBeNull();
    expect(await userForSession(second.sessionId, user.id)).not.toBeNull();
    expect(await userForSession(second.sessionId, "someone-else")).toBeNull();
  });

  it("refuses wrong passwords and unknown e-mails alike, then rate-limits the e-mail", async () => {
    const { password } = await createUser({ email: "dave@brand.test" });
    expect(await attemptLogin({ email: "nobody@brand.test", password }, "10.0.0.2")).toEqual({
      ok: false,
      reason: "invalid",
    });
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++)
      expect(await attemptLogin({ email: "dave@brand.test", password: "wrong" }, "10.0.0.2")).toEqual({
        ok: false,
        reason: "invalid",
      });
    const locked = await attemptLogin({ email: "dave@brand.test", password }, "10.0.0.2");
    expect(locked).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(locked.ok === false && locked.retryAfterMinutes).toBeGreaterThanOrEqual(14);
  });
});

describe("memberships", () => {
  it("resolves access per request, so a removed member loses it at once", async () => {
    const { tenant, owner } = await createTenantWithOwner({ slug: "removal" });
    const { user } = await createUser();
    const membership = await withTenant({ tenantId: tenant.id }, (db) =>
      addMember(db, { tenantId: tenant.id, userId: user.id, role: "STEWARD" }),
    );
    expect((await accessFor(asSession(user), "removal"))?.membership.role).toBe("STEWARD");
    await withTenant({ tenantId: tenant.id }, (db) => removeMember(db, tenant.id, membership.id, owner.user.id));
    expect(await accessFor(asSession(user), "removal")).toBeNull();
  });

  it("keeps the last owner and refuses removing yourself", async () => {
    const { tenant, owner } = await createTenantWithOwner({ slug: "owners" });
    const { user } = await createUser();
    await withTenant({ tenantId: tenant.id }, (db) =>
      addMember(db, { tenantId: tenant.id, userId: user.id, role: "STEWARD" }),
    );
    await expect(
      withTenant({ tenantId: tenant.id }, (db) => removeMember(db, tenant.id, owner.membership.id, owner.user.id)),
    ).rejects.toThrow("You cannot remove yourself from the workspace.");
    await expect(
      withTenant({ tenantId: tenant.id }, (db) => removeMember(db, tenant.id, owner.membership.id, user.id)),
    ).rejects.toThrow("A workspace needs at least one owner.");
  });

  it("does not resolve a membership of another tenant, nor a foreign member id", async () => {
    const a = await createTenantWithOwner({ slug: "tenant-one" });
    const b = await createTenantWithOwner({ slug: "tenant-two" });
    expect(await accessFor(asSession(a.owner.user), "tenant-two")).toBeNull();
    await expect(
      withTenant({ tenantId: a.tenant.id }, (db) =>
        removeMember(db, a.tenant.id, b.owner.membership.id, a.owner.user.id),
      ),
    ).rejects.toThrow("That member was not found.");
  });
});

describe("invitations", () => {
  it("lets the invitee create an account and join with the invited role, once", async () => {
    const { tenant, owner } = await createTenantWithOwner({ slug: "inviting" });
    const partner = await withTenant({ tenantId: tenant.id }, (db) =>
      createPartner(db, tenant.id, { name: "Quick Install" }),
    );
    const { token } = await withTenant({ tenantId: tenant.id }, (db) =>
      createInvitation(db, tenant.id, owner.user.id, {
        email: "erin@quick.test",
        role: "PARTNER_AGENT",
        partnerId: partner.id,
      }),
    );
    const view = await readInvitation(token);
    expect(view).toMatchObject({
      email: "erin@quick.test",
      role: "PARTNER_AGENT",
      partnerName: "Quick Install",
      problem: null,
      tenantSlug: "inviting",
    });
    const { home } = await acceptInvitation({ token, name: "Erin", password: "long-password-2" }, null);
    expect(home).toBe("/portal/inviting");
    const erin = await prisma().user.findUniqueOrThrow({ where: { email: "erin@quick.test" } });
    const access = await accessFor(asSession(erin), "inviting");
    expect(access?.membership).toMatchObject({ role: "PARTNER_AGENT", partnerId: partner.id });
    expect(access?.partner?.name).toBe("Quick Install");
    await expect(acceptInvitation({ token, name: "Erin", password: "long-password-2" }, null)).rejects.toThrow(
      "This invitation was already used.",
    );
    expect((await readInvitation(token))?.problem).toBe("used");
  });

  it("refuses a signed-in user whose e-mail is not the invited one, and unknown tokens", async () => {
    const { tenant, owner } = await createTenantWithOwner({ slug: "mismatch" });
    const { token } = await withTenant({ tenantId: tenant.id }, (db) =>
      createInvitation(db, tenant.id, owner.user.id, { email: "frank@brand.test", role: "ANALYST" }),
    );
    await expect(acceptInvitation({ token }, { id: owner.user.id, email: owner.user.email })).rejects.toThrow(
      /This invitation is for frank@brand.test/,
    );
    expect(await readInvitation("x".repeat(43))).toBeNull();
  });

  it("refuses to bind a partner role to another tenant's partner", async () => {
    const a = await createTenantWithOwner({ slug: "bind-a" });
    const b = await createTenantWithOwner({ slug: "bind-b" });
    const foreign = await withTenant({ tenantId: b.tenant.id }, (db) => createPartner(db, b.tenant.id));
    await expect(
      withTenant({ tenantId: a.tenant.id }, (db) =>
        createInvitation(db, a.tenant.id, a.owner.user.id, {
          email: "g@x.test",
          role: "PARTNER_ADMIN",
          partnerId: foreign.id,
        }),
      ),
    ).rejects.toThrow("That partner was not found.");
  });
});

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { addMember, createPartner, createTenantWithOwner, createUser } from "@/lib/seed/factories";
import type { SessionUser } from "@/lib/auth/session";
import { GENERIC_ERROR } from "@/lib/actions/errors";

// Input fuzzing of every tenant server action (issue 8, item 3), including the input schemas
// written inline in app/**/actions.ts: signed in with a role that may call it, arbitrary JSON-ish
// input must come back as data, field validation errors (each a non-empty message) or a safe
// error message — never a thrown exception or the generic "something went wrong" — and a
// rejected call writes nothing.

let signedIn: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));
vi.stubEnv("APP_URL", "http://steward.test");

const ROOT = process.cwd();
const actionFiles = (function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const path = join(dir, e);
    return statSync(path).isDirectory()
      ? walk(path)
      : e === "actions.ts"
        ? [relative(ROOT, path).replaceAll("\\", "/")]
        : [];
  });
})(join(ROOT, "app")).filter((f) => f.startsWith("app/t/") || f.startsWith("app/portal/"));

// Field names the actions know (from their sources), so generated objects hit real fields.
const VOCABULARY = [
  ...new Set(
    actionFiles.flatMap((f) =>
      [...readFileSync(join(ROOT, f), "utf8").matchAll(/\b([a-z][A-Za-z]{1,30})\??:/g)].map((m) => m[1]),
    ),
  ),
  ...[
    "incidentId",
    "incidentIds",
    "partnerId",
    "standardId",
    "touchpointId",
    "jobId",
    "apiKeyId",
    "endpointId",
    "deliveryId",
    "membershipId",
    "invitationId",
    "questionId",
    "assessmentId",
    "customerId",
    "month",
    "rows",
    "weights",
    "thresholds",
    "answers",
    "name",
    "title",
    "url",
    "events",
    "email",
    "role",
    "status",
    "to",
    "severity",
  ],
].filter((k) => k !== "tenantSlug");

let database: TestDatabase;
let owner: SessionUser;
let partnerAdmin: SessionUser;
let tenantId = "";

beforeAll(async () => {
  database = await createTestDatabase();
  const created = await createTenantWithOwner({ slug: "acme" });
  tenantId = created.tenant.id;
  const admin = await createUser({ email: "admin@swift.test" });
  await withTenant({ tenantId }, async (db) => {
    const partner = await createPartner(db, tenantId, { name: "Swift" });
    await addMember(db, { tenantId, userId: admin.user.id, role: "PARTNER_ADMIN", partnerId: partner.id });
  });
  const session = (u: { id: string; email: string; name: string }) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    sessionId: "fuzz",
  });
  owner = session(created.owner.user);
  partnerAdmin = session(admin.user);
});
afterAll(() => database.close());

async function fingerprint() {
  return withTenant({ tenantId }, async (db) => {
    const [row] = await db.$queryRaw<Record<string, unknown>[]>`
      SELECT (SELECT count(*) FROM "AuditLog") AS audit, (SELECT count(*) FROM "OutboxMessage") AS outbox,
             (SELECT md5(string_agg(p::text, ',' ORDER BY p.id)) FROM "Partner" p) AS partners,
             (SELECT md5(string_agg(t::text, ',' ORDER BY t.id)) FROM "Touchpoint" t) AS touchpoints,
             (SELECT md5(string_agg(i::text, ',' ORDER BY i.id)) FROM "Incident" i) AS incidents,
             (SELECT count(*) FROM "IncidentEvent") AS events, (SELECT count(*) FROM "StandardAcknowledgement") AS acknowledgements,
             (SELECT count(*) FROM "ApiKey") AS keys, (SELECT count(*) FROM "WebhookEndpoint") AS webhooks,
             (SELECT count(*) FROM "Invitation") AS invitations, (SELECT count(*) FROM "Membership") AS members,
             (SELECT md5(t::text) FROM "Tenant" t WHERE t.id = ${tenantId}) AS tenant`;
    return JSON.stringify(row, (_k, v) => (typeof v === "bigint" ? Number(v) : v));
  });
}

const nasty = fc.constantFrom(
  "",
  " ",
  "0",
  "-1",
  "1e309",
  "2026-02-30",
  "2026-13",
  "2026-03",
  "nope",
  "OPEN",
  "RESOLVED",
  "CRITICAL",
  "\u0000",
  "x".repeat(5000),
  "https://example.com",
  "a@b.c",
  "<b>",
  "😀",
);
const value = fc.oneof(
  { depthSize: "small" },
  fc.string({ maxLength: 20 }),
  nasty,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 2 }),
  fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), nasty), { maxLength: 3 }),
);
const inputArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .dictionary(fc.constantFrom(...VOCABULARY), value, { maxKeys: 5 })
      .map((d) => ({ ...d, tenantSlug: "acme" })),
  },
  {
    weight: 1,
    arbitrary: fc
      .dictionary(fc.string({ maxLength: 10 }), value, { maxKeys: 3 })
      .map((d) => ({ ...d, tenantSlug: "acme" })),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

type Result = { data?: unknown; serverError?: string; validationErrors?: unknown };

function messagesOf(errors: unknown): string[] {
  if (typeof errors === "string") return [errors];
  if (Array.isArray(errors)) return errors.flatMap(messagesOf);
  if (errors && typeof errors === "object") return Object.values(errors).flatMap(messagesOf);
  return [];
}

describe.each(actionFiles)("%s", (file) => {
  it("every action answers fuzzed input with data, clear field errors or a safe message, and a rejection writes nothing", async () => {
    const mod = (await import(/* @vite-ignore */ `@/${file}`)) as Record<string, unknown>;
    const actions = Object.entries(mod).filter(
      (e): e is [string, (input: unknown) => Promise<Result>] => typeof e[1] === "function",
    );
    expect(actions.length).toBeGreaterThan(0);
    signedIn = file.startsWith("app/portal/") ? partnerAdmin : owner;
    for (const [name, action] of actions) {
      await fc.assert(
        fc.asyncProperty(inputArb, async (input) => {
          const before = await fingerprint();
          let result: Result;
          try {
            result = await action(input);
          } catch (error) {
            // A redirect after a successful write is how some actions finish.
            if (String((error as { digest?: string }).digest ?? "").startsWith("NEXT_REDIRECT")) return;
            throw new Error(`${name} threw on ${JSON.stringify(input)?.slice(0, 200)}: ${String(error)}`);
          }
          const where = `${name}(${JSON.stringify(input)?.slice(0, 200)})`;
          expect(result.serverError, `${where}: an unexpected failure`).not.toBe(GENERIC_ERROR);
          if (result.serverError !== undefined) expect(result.serverError, where).toMatch(/\w{2,}/);
          if (result.validationErrors !== undefined) {
            const messages = messagesOf(result.validationErrors);
            expect(messages.length, `${where}: validation errors carry messages`).toBeGreaterThan(0);
            for (const message of messages) {
              expect(message.trim().length, where).toBeGreaterThan(0);
              expect(message, `${where}: unclear message`).not.toMatch(/^\s*Invalid input\s*$|\[object /);
            }
          }
          if (result.serverError !== undefined || result.validationErrors !== undefined)
            expect(await fingerprint(), `${where}: a rejected call wrote`).toBe(before);
        }),
        { numRuns: 40 },
      );
    }
  });
});

describe("the NUL character in action input", () => {
  it("is refused with a clear message after authorization, and nothing is written", async () => {
    const { createTouchpointAction } = await import("@/app/t/[tenant]/touchpoints/actions");
    signedIn = null;
    expect((await createTouchpointAction({ tenantSlug: "acme", name: "Door\u0000step" } as never)).serverError).toBe(
      "Your session has ended. Sign in again.",
    );
    signedIn = owner;
    const before = await fingerprint();
    const result = await createTouchpointAction({
      tenantSlug: "acme",
      name: "Door\u0000step",
      stage: "DELIVERY",
      channel: "FIELD",
    } as never);
    expect(result.serverError).toMatch(/NUL/);
    expect(await fingerprint()).toBe(before);
  });
});

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";

// Input fuzzing (issue 8, item 3): every exported zod schema that guards a boundary (server
// action inputs, API bodies/queries/params, import rows, settings, auth forms) gets arbitrary
// JSON-ish input. It must either parse or reject with issues whose messages are clear, and it
// must never throw. "Clear" here means: a non-empty sentence of at most 300 characters, not the
// bare "Invalid input" (zod's message when it cannot say what it wanted), no "[object Object]"
// or "undefined" leaking from a template, and a path that names the field.

const MODULES: Record<string, () => Promise<Record<string, unknown>>> = {
  "lib/api/schemas.ts": () => import("@/lib/api/schemas"),
  "lib/api/pagination.ts": () => import("@/lib/api/pagination"),
  "lib/api/keys.ts": () => import("@/lib/api/keys"),
  "lib/partners/schemas.ts": () => import("@/lib/partners/schemas"),
  "lib/partners/partners.ts": () => import("@/lib/partners/partners"),
  "lib/standards/schemas.ts": () => import("@/lib/standards/schemas"),
  "lib/incidents/create-incident.ts": () => import("@/lib/incidents/create-incident"),
  "lib/incidents/update-incident.ts": () => import("@/lib/incidents/update-incident"),
  "lib/incidents/inbox.ts": () => import("@/lib/incidents/inbox"),
  "lib/incidents/sla-policies.ts": () => import("@/lib/incidents/sla-policies"),
  "lib/tenants/settings.ts": () => import("@/lib/tenants/settings"),
  "lib/tenants/sign-up.ts": () => import("@/lib/tenants/sign-up"),
  "lib/touchpoints/touchpoints.ts": () => import("@/lib/touchpoints/touchpoints"),
  "lib/webhooks/endpoints.ts": () => import("@/lib/webhooks/endpoints"),
  "lib/members/invitations.ts": () => import("@/lib/members/invitations"),
  "lib/auth/login.ts": () => import("@/lib/auth/login"),
  "lib/scorecards/weights.ts": () => import("@/lib/scorecards/weights"),
  "lib/tenants/slug.ts": () => import("@/lib/tenants/slug"),
  "lib/actions/schemas.ts": () => import("@/lib/actions/schemas"),
  "lib/mail/address.ts": () => import("@/lib/mail/address"),
  "lib/mail/chat.ts": () => import("@/lib/mail/chat"),
  "lib/accounts/password-reset.ts": () => import("@/lib/accounts/password-reset"),
  "lib/accounts/verify-email.ts": () => import("@/lib/accounts/verify-email"),
  "lib/costs/causes.ts": () => import("@/lib/costs/causes"),
  "lib/feedback/answer.ts": () => import("@/lib/feedback/answer"),
  "lib/feedback/stop.ts": () => import("@/lib/feedback/stop"),
  "lib/incentives/rules.ts": () => import("@/lib/incentives/rules"),
  "lib/incidents/inbox-views.ts": () => import("@/lib/incidents/inbox-views"),
  "lib/incidents/manual-escalation.ts": () => import("@/lib/incidents/manual-escalation"),
  "lib/mail/preferences.ts": () => import("@/lib/mail/preferences"),
  "lib/plans/schemas.ts": () => import("@/lib/plans/schemas"),
  "lib/touchpoints/channel-design.ts": () => import("@/lib/touchpoints/channel-design"),
};
/** Files with zod objects that are not a boundary a user or API client can reach. */
const NOT_A_BOUNDARY: Record<string, string> = {
  "lib/env.ts": "process environment, read once at start-up",
  "lib/actions/clients.ts": "the action clients' own metadata and tenant-slug check (covered by every action)",
  "lib/api/openapi.ts": "documentation-only schemas for the OpenAPI document",
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith(".ts") ? [path] : [];
  });
}

const ROOT = process.cwd();

it("fuzzes every lib module that defines a zod schema (or says why it is not a boundary)", () => {
  const withSchemas = filesUnder(join(ROOT, "lib"))
    .filter((file) =>
      /\bz\s*\.\s*(object|enum|array|string|number|record|union|discriminatedUnion)\s*\(/.test(
        readFileSync(file, "utf8"),
      ),
    )
    .map((file) => relative(ROOT, file).replaceAll("\\", "/"));
  const missing = withSchemas.filter((file) => {
    if (file in MODULES || file in NOT_A_BOUNDARY) return false;
    // A file whose zod use is only internal (no exported schema) is not a boundary of its own.
    return /export\s+const\s+\w+\s*=\s*z\b/.test(readFileSync(join(ROOT, file), "utf8"));
  });
  expect(missing, "add these modules to MODULES (or NOT_A_BOUNDARY with a reason)").toEqual([]);
});

type AnySchema = z.ZodType;

/** The field names a schema knows about (objects, intersections, pipes, refinements). */
function keysOf(schema: AnySchema): string[] {
  const def = (schema as unknown as { def?: Record<string, unknown> }).def ?? {};
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  const out = new Set<string>();
  for (const inner of [def.left, def.right, def.in, def.out, def.innerType, def.schema]) {
    if (inner instanceof z.ZodType) for (const k of keysOf(inner)) out.add(k);
  }
  if (Array.isArray(def.options))
    for (const o of def.options) if (o instanceof z.ZodType) for (const k of keysOf(o)) out.add(k);
  return [...out];
}

const plausibleString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "2026-03-01",
    "2026-03-01T10:00:00Z",
    "not-a-date",
    "https://example.com",
    "javascript:alert(1)",
    "a@b.c",
    "ACTIVE",
    "HIGH",
    "OPEN",
    "<script>",
    "0",
    "-1",
    "1e309",
    "\u0000",
    "x".repeat(5000),
  ),
);
const jsonish = fc.oneof(
  { depthSize: "small" },
  fc.jsonValue({ maxDepth: 3 }),
  plausibleString,
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, undefined, true, false, Number.NaN, Infinity, -Infinity, 1e308, [], {}),
);

function arbitraryFor(schema: AnySchema): fc.Arbitrary<unknown> {
  const keys = keysOf(schema);
  if (keys.length === 0) return jsonish;
  const record = fc.record(
    Object.fromEntries(keys.map((k) => [k, fc.oneof(jsonish, plausibleString, fc.array(jsonish, { maxLength: 3 }))])),
    { requiredKeys: [] },
  );
  const withExtra = fc
    .tuple(record, fc.dictionary(fc.string({ maxLength: 8 }), jsonish, { maxKeys: 2 }))
    .map(([a, b]) => ({ ...b, ...a }));
  return fc.oneof(record, withExtra, jsonish);
}

const BAD_MESSAGE = /\[object |^\s*Invalid input\s*$/;

function assertClearRejection(name: string, input: unknown, error: z.ZodError) {
  expect(error.issues.length, `${name}: a rejection names at least one issue`).toBeGreaterThan(0);
  for (const issue of error.issues) {
    const where = `${name} at ${issue.path.join(".") || "(root)"} for ${JSON.stringify(input)?.slice(0, 200)}`;
    expect(typeof issue.message, where).toBe("string");
    expect(issue.message.trim().length, `${where}: empty message`).toBeGreaterThan(0);
    expect(issue.message.length, `${where}: message too long`).toBeLessThanOrEqual(300);
    expect(issue.message, `${where}: unclear message "${issue.message}"`).not.toMatch(BAD_MESSAGE);
    if (!JSON.stringify(input ?? null).includes("${"))
      expect(issue.message, `${where}: template leaked`).not.toContain("${");
    for (const part of issue.path) expect(["string", "number"]).toContain(typeof part);
  }
}

describe.each(Object.entries(MODULES))("%s", (file, load) => {
  it("every exported schema parses or rejects clearly, and never throws", async () => {
    const mod = await load();
    const schemas = Object.entries(mod).filter((e): e is [string, AnySchema] => e[1] instanceof z.ZodType);
    expect(schemas.length, `${file} exports no schema`).toBeGreaterThan(0);
    for (const [name, schema] of schemas) {
      // safeParseAsync: some boundary schemas refine asynchronously (webhook URLs resolve their host)
      await fc.assert(
        fc.asyncProperty(arbitraryFor(schema), async (input) => {
          let result: Awaited<ReturnType<AnySchema["safeParseAsync"]>>;
          try {
            result = await schema.safeParseAsync(input);
          } catch (error) {
            throw new Error(`${file} ${name} threw on ${JSON.stringify(input)?.slice(0, 200)}: ${String(error)}`);
          }
          if (!result.success) assertClearRejection(`${file} ${name}`, input, result.error);
        }),
        { numRuns: 150 },
      );
    }
  });
});

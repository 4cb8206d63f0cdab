import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, test, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";
import { NORTHWIND, signIn } from "../helpers";
import { ACTIONS, API_ROUTES, PAGES, ROLES, SESSION_ROUTES, type Ids, type Outcome, type Role } from "./access-matrix";

// Runs the access matrix (access-matrix.ts) against the e2e server: every page, session route
// handler, server action (as a direct POST with the Next-Action header, no UI) and API route, for
// every role and for another tenant's and another partner's ids.

test.describe.configure({ mode: "serial" });

const ROOT = process.cwd();
const PASSWORD = NORTHWIND.owner.password;
const LOGINS: Record<Exclude<Role, "anonymous">, string> = {
  owner: NORTHWIND.owner.email,
  steward: NORTHWIND.steward.email,
  analyst: NORTHWIND.analyst.email,
  partnerAdmin: NORTHWIND.partner.email,
  partnerAgent: "swift-couriers.agent@northwind.test",
};

function filesUnder(dir: string, name: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return filesUnder(path, name);
    return entry === name ? [relative(ROOT, path).replaceAll("\\", "/")] : [];
  });
}

type ManifestEntry = { filename: string; exportedName: string; workers: Record<string, unknown> };
function builtActions(): Map<string, ManifestEntry & { id: string }> {
  const manifest = JSON.parse(readFileSync(join(ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  return new Map(
    Object.entries(manifest.node).map(([id, entry]) => [`${entry.filename}#${entry.exportedName}`, { ...entry, id }]),
  );
}

test.describe("the access matrix is complete", () => {
  test("every page and route handler in app/ has a row", () => {
    const pages = filesUnder(join(ROOT, "app"), "page.tsx").sort();
    expect(
      pages.filter((f) => !PAGES.some((p) => p.file === f)),
      "pages missing from PAGES",
    ).toEqual([]);
    expect(
      PAGES.filter((p) => !pages.includes(p.file)).map((p) => p.file),
      "rows for pages that no longer exist",
    ).toEqual([]);
    const routes = filesUnder(join(ROOT, "app"), "route.ts").sort();
    const known = [...SESSION_ROUTES, ...API_ROUTES].map((r) => r.file);
    expect(
      routes.filter((f) => !known.includes(f)),
      "route handlers missing from SESSION_ROUTES / API_ROUTES",
    ).toEqual([]);
    expect(
      known.filter((f) => !routes.includes(f)),
      "rows for route handlers that no longer exist",
    ).toEqual([]);
    // Every exported HTTP method of an API route has a row.
    for (const file of routes.filter((f) => f.startsWith("app/api/v1/"))) {
      const methods = [
        ...readFileSync(join(ROOT, file), "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g),
      ].map((m) => m[1]);
      for (const method of methods)
        expect(
          API_ROUTES.some((r) => r.file === file && r.method === method),
          `${method} ${file}`,
        ).toBe(true);
    }
  });

  test("every server action the build produced has a row", () => {
    const built = [...builtActions().keys()].sort();
    expect(built.length).toBeGreaterThan(40);
    const rows = ACTIONS.map((a) => `${a.file}#${a.name}`);
    expect(
      built.filter((k) => !rows.includes(k)),
      "actions missing from ACTIONS",
    ).toEqual([]);
    expect(
      rows.filter((k) => !built.includes(k)),
      "rows for actions the build does not have",
    ).toEqual([]);
    expect(new Set(rows).size, "one row per action").toBe(rows.length);
  });
});

// ------------------------------------------------------------------ sessions and ids

const contexts = new Map<Role, BrowserContext>();
let ids: Ids;
let nwScorecard = "";
let tenantKey = "";
let partnerKey = "";
const stamp = Date.now().toString(36);

const req = (role: Role): APIRequestContext => contexts.get(role)!.request;

async function signedInContext(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, { email, password: PASSWORD });
  await page.close();
  return context;
}

async function hrefIds(request: APIRequestContext, url: string, prefix: string): Promise<string[]> {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  const html = await response.text();
  const escaped = prefix.replace(/[/\\^$*+?.()|[\]{}]/g, "\\$&");
  return [...new Set([...html.matchAll(new RegExp(`href="${escaped}/([\\w-]{8,64})"`, "g"))].map((m) => m[1]))].filter(
    (id) => !["new", "export", "survey"].includes(id),
  );
}

// Posts a server action the way the browser does, without the UI.
const manifest = (() => {
  try {
    return builtActions();
  } catch {
    return new Map<string, ManifestEntry & { id: string }>();
  }
})();

function pageUrlFor(worker: string): string {
  return (
    (
      "/" +
      worker
        .replace(/^app\//, "")
        .replace(/\/page$/, "")
        .split("/")
        .filter((part) => !/^\(.*\)$/.test(part))
        .map((part) => (part === "[tenant]" ? "northwind" : part.startsWith("[") ? "matrix-probe" : part))
        .join("/")
    ).replace(/\/$/, "") || "/"
  );
}

type ActionAnswer = { status: number; text: string; redirect: string | undefined };
async function postAction(
  request: APIRequestContext,
  file: string,
  name: string,
  input: unknown,
): Promise<ActionAnswer> {
  const entry = manifest.get(`${file}#${name}`);
  if (!entry) throw new Error(`${file}#${name} is not in the build's server-reference-manifest`);
  // A page that imports the action; the one with the fewest dynamic segments.
  const worker = Object.keys(entry.workers).sort(
    (a, b) => (a.match(/\[/g)?.length ?? 0) - (b.match(/\[/g)?.length ?? 0),
  )[0];
  const response = await request.post(pageUrlFor(worker), {
    headers: { "Next-Action": entry.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify(input === undefined ? [] : [input]),
    maxRedirects: 0,
  });
  return { status: response.status(), text: await response.text(), redirect: response.headers()["x-action-redirect"] };
}

const SESSION_ENDED = "Your session has ended. Sign in again.";
const NO_WORKSPACE = "Workspace not found.";
const NO_ROLE = "Your role does not allow this.";
const GENERIC = "Something went wrong on our side";

/** What an action answered: refused by authorization (401/403/404), or let through ("allowed"; itemNotFound when it named an unknown id). */
function classifyAction(answer: ActionAnswer): { outcome: Outcome | "500"; itemNotFound: boolean } {
  expect(answer.status, `action answered HTTP ${answer.status}: ${answer.text.slice(0, 300)}`).toBe(200);
  // An unexpected failure (the generic message) is never an acceptable answer, whatever the role.
  if (answer.text.includes(GENERIC)) return { outcome: "500", itemNotFound: false };
  if (answer.text.includes(SESSION_ENDED)) return { outcome: "401", itemNotFound: false };
  if (answer.text.includes(NO_WORKSPACE)) return { outcome: "404", itemNotFound: false };
  if (answer.text.includes(NO_ROLE)) return { outcome: "403", itemNotFound: false };
  // Let through: the action answered (data, field errors or a safe error) in its result row, or
  // finished with a redirect (signing out sends you to /login).
  if (answer.redirect) return { outcome: "allowed", itemNotFound: false };
  expect(answer.text, "an action result").toMatch(/^1:\{/m);
  return { outcome: "allowed", itemNotFound: /"serverError":"[^"]* was not found\."/.test(answer.text) };
}

async function pageOutcome(request: APIRequestContext, url: string): Promise<Outcome> {
  const response = await request.get(url, { maxRedirects: 0 });
  const status = response.status();
  if (status >= 300 && status < 400) {
    const location = response.headers().location ?? "";
    return new URL(location, "http://x").pathname === "/login" ? "401" : "allowed";
  }
  if (status === 401) return "401";
  if (status === 404) return "404";
  if (status === 403) return "403";
  expect(status, `${url} answered ${status}`).toBe(200);
  const html = await response.text();
  // A streamed page cannot change its status any more; its not-found / forbidden UI still shows.
  if (html.includes(">Page not found<")) return "404";
  if (html.includes(">Your role does not allow this<")) return "403";
  return "allowed";
}

test.describe("the access matrix", () => {
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    contexts.set("anonymous", await browser.newContext());
    for (const [role, email] of Object.entries(LOGINS))
      contexts.set(role as Role, await signedInContext(browser, email));

    // A tenant key (created by the owner through a direct action POST), then ids through the API.
    const created = await postAction(
      req("owner"),
      "app/t/[tenant]/settings/api-keys/actions.ts",
      "createApiKeyAction",
      {
        tenantSlug: "northwind",
        name: `Access matrix ${stamp}`,
        rateLimitPerMinute: 5000,
      },
    );
    tenantKey = /"key":"([^"]+)"/.exec(created.text)?.[1] ?? "";
    expect(tenantKey, created.text.slice(0, 300)).not.toBe("");
    const api = (path: string, key = tenantKey) =>
      req("anonymous").get(path, { headers: { authorization: `Bearer ${key}` } });
    const partners = (await (await api("/api/v1/partners?limit=200")).json()).data as { id: string; name: string }[];
    const swift = partners.find((p) => p.name === NORTHWIND.partner.partnerName)!;
    const other = partners.find((p) => p.id !== swift.id)!;
    const incidents = (await (await api("/api/v1/incidents?limit=200")).json()).data as {
      id: string;
      partnerId: string;
    }[];
    const swiftIncident = incidents.find((i) => i.partnerId === swift.id);
    const otherIncident = incidents.find((i) => i.partnerId !== swift.id);
    expect(swiftIncident && otherIncident, "the demo seed has incidents of Swift and of others").toBeTruthy();
    const keyed = await postAction(req("owner"), "app/t/[tenant]/settings/api-keys/actions.ts", "createApiKeyAction", {
      tenantSlug: "northwind",
      name: `Access matrix Swift ${stamp}`,
      partnerId: swift.id,
      rateLimitPerMinute: 5000,
    });
    partnerKey = /"key":"([^"]+)"/.exec(keyed.text)?.[1] ?? "";
    expect(partnerKey).not.toBe("");
    const scorecards = (await (await api("/api/v1/scorecards?limit=1", partnerKey)).json()).data as {
      id: string;
      month: string;
    }[];
    expect(scorecards.length, "the demo seed publishes Swift Couriers scorecards").toBeGreaterThan(0);
    nwScorecard = scorecards[0].id;

    // Contoso ids: the Northwind owner is also a Contoso steward (see lib/seed/ensure-demo.ts).
    const [cPartner] = await hrefIds(req("owner"), "/t/contoso/partners", "/t/contoso/partners");
    const [cIncident] = await hrefIds(req("owner"), "/t/contoso/incidents", "/t/contoso/incidents");
    const [cCustomer] = await hrefIds(req("owner"), "/t/contoso/value/customers", "/t/contoso/value/customers");
    const [nwCustomer] = await hrefIds(req("steward"), "/t/northwind/value/customers", "/t/northwind/value/customers");
    // Corrective-action plans (lib/seed/demo-plans.ts): Swift's through its own key, another partner's, Contoso's.
    const swiftPlans = (await (await api("/api/v1/plans?limit=200", partnerKey)).json()).data as { id: string }[];
    const allPlans = (await (await api("/api/v1/plans?limit=200")).json()).data as { id: string; partnerId: string }[];
    const nwPlan = swiftPlans[0]?.id ?? "";
    const swiftPlan = nwPlan ? await (await api(`/api/v1/plans/${nwPlan}`, partnerKey)).json() : { actions: [] };
    const nwOtherPlan = allPlans.find((p) => p.partnerId !== swift.id)?.id ?? "";
    const otherPlan = nwOtherPlan ? await (await api(`/api/v1/plans/${nwOtherPlan}`)).json() : { actions: [] };
    const [cPlan] = await hrefIds(req("owner"), "/t/contoso/plans", "/t/contoso/plans");
    ids = {
      nwPartner: swift.id,
      nwOtherPartner: other.id,
      nwIncident: swiftIncident!.id,
      nwOtherIncident: otherIncident!.id,
      nwCustomer,
      cPartner,
      cIncident,
      cCustomer,
      month: scorecards[0].month.slice(0, 7),
      nwPlan,
      nwPlanAction: (swiftPlan.actions as { id: string }[])[0]?.id ?? "",
      nwOtherPlan,
      nwOtherPlanAction: (otherPlan.actions as { id: string }[])[0]?.id ?? "",
      cPlan,
    };
    for (const [name, value] of Object.entries(ids)) expect(value, name).toBeTruthy();
  });

  test.afterAll(async () => {
    for (const context of contexts.values()) await context.close();
  });

  test("pages", async () => {
    const mismatches: string[] = [];
    let cells = 0;
    for (const entry of PAGES) {
      for (const role of ROLES) {
        const got = await pageOutcome(req(role), entry.url(ids));
        cells++;
        if (got !== entry.expect[role])
          mismatches.push(`${entry.file} as ${role}: expected ${entry.expect[role]}, got ${got}`);
      }
      // otherTenant: a Northwind steward (portal pages: Swift's partner admin) with Contoso's tenant or ids.
      if (entry.otherTenantUrl && entry.expect.otherTenant !== "n/a") {
        const who: Role = entry.file.startsWith("app/portal/") ? "partnerAdmin" : "steward";
        const got = await pageOutcome(req(who), entry.otherTenantUrl(ids));
        cells++;
        if (got !== entry.expect.otherTenant)
          mismatches.push(`${entry.file} other tenant: expected ${entry.expect.otherTenant}, got ${got}`);
      } else
        expect(
          entry.expect.otherTenant === "n/a" || !entry.otherTenantUrl,
          `${entry.file}: otherTenant needs a URL`,
        ).toBe(true);
      if (entry.otherPartnerUrl) {
        const got = await pageOutcome(req("partnerAdmin"), entry.otherPartnerUrl(ids));
        cells++;
        if (got !== entry.expect.otherPartner)
          mismatches.push(`${entry.file} other partner: expected ${entry.expect.otherPartner}, got ${got}`);
      }
    }
    console.log(`pages: ${PAGES.length} pages, ${cells} cells`);
    expect(mismatches).toEqual([]);
  });

  test("session route handlers", async () => {
    const mismatches: string[] = [];
    for (const entry of SESSION_ROUTES) {
      for (const role of ROLES) {
        const got = await pageOutcome(req(role), entry.url(ids));
        if (got !== entry.expect[role])
          mismatches.push(`${entry.file} as ${role}: expected ${entry.expect[role]}, got ${got}`);
      }
      if (entry.otherTenantUrl) {
        const who: Role = entry.file.startsWith("app/portal/") ? "partnerAdmin" : "steward";
        const got = await pageOutcome(req(who), entry.otherTenantUrl(ids));
        if (got !== entry.expect.otherTenant)
          mismatches.push(`${entry.file} other tenant: expected ${entry.expect.otherTenant}, got ${got}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  test("server actions, posted directly", async () => {
    const mismatches: string[] = [];
    let cells = 0;
    for (const entry of ACTIONS) {
      for (const role of ROLES) {
        const want = entry.expect[role];
        if (want.startsWith("skip:")) continue;
        const got = classifyAction(await postAction(req(role), entry.file, entry.name, entry.input(ids))).outcome;
        cells++;
        if (got !== want) mismatches.push(`${entry.name} as ${role}: expected ${want}, got ${got}`);
      }
      const portal = entry.file.startsWith("app/portal/");
      if (entry.otherTenantInput) {
        const answer = classifyAction(
          await postAction(
            req(portal ? "partnerAdmin" : "steward"),
            entry.file,
            entry.name,
            entry.otherTenantInput(ids),
          ),
        );
        const got = answer.outcome === "allowed" && answer.itemNotFound ? "404" : answer.outcome;
        cells++;
        if (got !== entry.expect.otherTenant)
          mismatches.push(`${entry.name} other tenant: expected ${entry.expect.otherTenant}, got ${got}`);
      }
      if (entry.otherPartnerInput) {
        const answer = classifyAction(
          await postAction(req("partnerAdmin"), entry.file, entry.name, entry.otherPartnerInput(ids)),
        );
        const got = answer.outcome === "allowed" && answer.itemNotFound ? "404" : answer.outcome;
        cells++;
        if (got !== entry.expect.otherPartner)
          mismatches.push(`${entry.name} other partner: expected ${entry.expect.otherPartner}, got ${got}`);
      }
    }
    console.log(`actions: ${ACTIONS.length} actions, ${cells} cells`);
    expect(mismatches).toEqual([]);
  });

  test("refused action calls change nothing", async () => {
    // A valid comment, posted by every role that must be refused: the incident's timeline is unchanged.
    const body = `Access matrix refused write ${stamp}`;
    for (const role of ["analyst", "partnerAdmin", "partnerAgent", "anonymous"] as const) {
      const answer = classifyAction(
        await postAction(req(role), "app/t/[tenant]/incidents/actions.ts", "commentIncidentAction", {
          tenantSlug: "northwind",
          incidentId: ids.nwIncident,
          body,
        }),
      );
      expect(answer.outcome, role).not.toBe("allowed");
    }
    for (const role of ["owner", "steward", "analyst", "anonymous"] as const) {
      const answer = classifyAction(
        await postAction(req(role), "app/portal/[tenant]/incidents/actions.ts", "partnerCommentAction", {
          tenantSlug: "northwind",
          incidentId: ids.nwIncident,
          body,
        }),
      );
      expect(answer.outcome, role).not.toBe("allowed");
    }
    const other = classifyAction(
      await postAction(req("partnerAdmin"), "app/portal/[tenant]/incidents/actions.ts", "partnerCommentAction", {
        tenantSlug: "northwind",
        incidentId: ids.nwOtherIncident,
        body,
      }),
    );
    expect(other.itemNotFound).toBe(true);
    for (const incident of [ids.nwIncident, ids.nwOtherIncident]) {
      const detail = await req("anonymous").get(`/api/v1/incidents/${incident}`, {
        headers: { authorization: `Bearer ${tenantKey}` },
      });
      expect(JSON.stringify(await detail.json())).not.toContain(body);
    }
    const steward = await (await req("steward").get(`/t/northwind/incidents/${ids.nwIncident}`)).text();
    expect(steward).not.toContain(body);
  });

  test("API routes", async () => {
    const mismatches: string[] = [];
    let cells = 0;
    const call = async (
      method: string,
      url: string,
      key: string | null,
      body: unknown,
      as: Role = "anonymous",
    ): Promise<Outcome> => {
      const response = await req(as).fetch(url, {
        method,
        headers: {
          ...(key ? { authorization: `Bearer ${key}` } : {}),
          ...(body !== undefined ? { "content-type": "application/json" } : {}),
        },
        data: body === undefined ? undefined : JSON.stringify(body),
        maxRedirects: 0,
      });
      const status = response.status();
      expect(status, `${method} ${url} answered ${status}`).toBeLessThan(500);
      if (status >= 400)
        expect(response.headers()["content-type"], `${method} ${url}`).toContain("application/problem+json");
      cells++;
      return status === 401 ? "401" : status === 403 ? "403" : status === 404 ? "404" : "allowed";
    };
    for (const entry of API_ROUTES) {
      const url =
        entry.file.endsWith("scorecards/[id]/route.ts") && nwScorecard
          ? `/api/v1/scorecards/${nwScorecard}`
          : entry.url(ids);
      const label = `${entry.method} ${entry.file}`;
      const check = (column: string, want: Outcome, got: Outcome) => {
        if (got !== want) mismatches.push(`${label} ${column}: expected ${want}, got ${got}`);
      };
      check("sessionOnly", entry.expect.sessionOnly, await call(entry.method, url, null, entry.body, "owner"));
      check("noKey", entry.expect.noKey, await call(entry.method, url, null, entry.body));
      check("tenantKey", entry.expect.tenantKey, await call(entry.method, url, tenantKey, entry.body));
      check("partnerKey", entry.expect.partnerKey, await call(entry.method, url, partnerKey, entry.body));
      if (entry.otherTenantUrl)
        check(
          "otherTenant",
          entry.expect.otherTenant,
          await call(entry.method, entry.otherTenantUrl(ids), tenantKey, entry.validBody),
        );
      if (entry.otherPartnerUrl)
        check(
          "otherPartner",
          entry.expect.otherPartner,
          await call(entry.method, entry.otherPartnerUrl(ids), partnerKey, entry.validBody),
        );
    }
    console.log(`api: ${API_ROUTES.length} operations, ${cells} cells`);
    expect(mismatches).toEqual([]);
  });
});

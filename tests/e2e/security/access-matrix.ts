// The access matrix (issue 8, item 1): for every page, route handler, server action and API
// route, what each role gets. access-matrix.spec.ts runs every cell against the e2e server and
// checks that this table is complete (every app/**/page.tsx and route.ts, every server action
// the build produced).
//
// Outcomes:
//   "allowed" — the role gets through authorization (a page renders 200 or sends a signed-in
//               user on to another allowed page; an action answers data, field validation errors
//               or a "… was not found." for a harmless unknown id; an API call answers 2xx/4xx other
//               than 401/403/404-for-auth).
//   "401"     — not signed in. Pages answer with a redirect to /login?next=… (the page
//               equivalent of 401); actions answer "Your session has ended. Sign in again.";
//               API routes answer 401 problem+json.
//   "403"     — signed in, the role lacks the permission (pages: 403 page; actions: "Your role
//               does not allow this.").
//   "404"     — the tenant, partner or id is not the caller's: indistinguishable from one that
//               does not exist (pages: 404 page; actions: "Workspace not found." or "… was not
//               found."; API: 404 problem).
//   "skip:…"  — deliberately not called, with the reason.
// Columns: the six roles on Northwind, then `otherTenant` (a Northwind steward reaching for
// Contoso: its workspace URL or Contoso ids) and `otherPartner` (Swift Couriers' partner admin
// reaching for another Northwind partner's ids). "n/a" where a route takes no such id.

export type Outcome = "allowed" | "401" | "403" | "404" | "n/a" | `skip:${string}`;
export const ROLES = ["owner", "steward", "analyst", "partnerAdmin", "partnerAgent", "anonymous"] as const;
export type Role = (typeof ROLES)[number];
type Row = Record<Role, Outcome> & { otherTenant: Outcome; otherPartner: Outcome };

/** Ids the spec looks up at run time from the seeded demo tenants. */
export type Ids = {
  nwPartner: string; // Swift Couriers (the partner of the partner logins)
  nwOtherPartner: string; // another Northwind partner
  nwIncident: string; // a Swift Couriers incident
  nwOtherIncident: string; // an incident of another Northwind partner
  nwCustomer: string;
  cPartner: string; // Contoso ids
  cIncident: string;
  cCustomer: string;
  month: string; // YYYY-MM with a published Swift Couriers scorecard (for the exports)
  nwPlan: string; // a Swift Couriers corrective-action plan (proposed or later: the partner sees it)
  nwPlanAction: string; // an action of that plan
  nwOtherPlan: string; // another Northwind partner's plan
  nwOtherPlanAction: string; // an action of that plan
  cPlan: string; // a Contoso plan
};

// Row shapes (spelled out once; every entry below names its own).
const STEWARD_READ: Row = {
  owner: "allowed",
  steward: "allowed",
  analyst: "allowed",
  partnerAdmin: "404",
  partnerAgent: "404",
  anonymous: "401",
  otherTenant: "404",
  otherPartner: "n/a",
};
const STEWARD_WRITE: Row = { ...STEWARD_READ, analyst: "403" };
const OWNER_ONLY: Row = { ...STEWARD_READ, steward: "403", analyst: "403" };
const PORTAL: Row = {
  owner: "404",
  steward: "404",
  analyst: "404",
  partnerAdmin: "allowed",
  partnerAgent: "allowed",
  anonymous: "401",
  otherTenant: "404",
  otherPartner: "n/a",
};
// A link whose signed token is its only credential, with a forged token: refused alike for everyone.
const FORGED_TOKEN: Row = {
  owner: "404",
  steward: "404",
  analyst: "404",
  partnerAdmin: "404",
  partnerAgent: "404",
  anonymous: "404",
  otherTenant: "n/a",
  otherPartner: "n/a",
};
const PUBLIC: Row = {
  owner: "allowed",
  steward: "allowed",
  analyst: "allowed",
  partnerAdmin: "allowed",
  partnerAgent: "allowed",
  anonymous: "allowed",
  otherTenant: "n/a",
  otherPartner: "n/a",
};

// ------------------------------------------------------------------ pages (app/**/page.tsx)

export type PageEntry = {
  file: string;
  /** The Northwind URL (own ids). */
  url: (ids: Ids) => string;
  /** The same page with another tenant's (Contoso) or another partner's ids. */
  otherTenantUrl?: (ids: Ids) => string;
  otherPartnerUrl?: (ids: Ids) => string;
  expect: Row;
};

export const PAGES: PageEntry[] = [
  // Signed-out pages: everyone may open them (a signed-in user may be sent on to their workspace).
  { file: "app/page.tsx", url: () => "/", expect: { ...PUBLIC, anonymous: "401" } },
  { file: "app/(auth)/login/page.tsx", url: () => "/login", expect: PUBLIC },
  { file: "app/(auth)/signup/page.tsx", url: () => "/signup", expect: PUBLIC },
  { file: "app/(auth)/forgot-password/page.tsx", url: () => "/forgot-password", expect: PUBLIC },
  {
    file: "app/(auth)/reset-password/[token]/page.tsx",
    url: () => "/reset-password/not-a-real-token-0000000000000000000000000",
    expect: PUBLIC,
  },
  {
    file: "app/(auth)/verify-email/[token]/page.tsx",
    url: () => "/verify-email/not-a-real-token-0000000000000000000000000",
    expect: PUBLIC,
  },
  {
    file: "app/(auth)/invite/[token]/page.tsx",
    url: () => "/invite/not-a-real-token-0000000000000000000000000",
    expect: PUBLIC,
  },
  // Help: the scoring rules (docs/scorecards.md), the same for everyone.
  { file: "app/help/scorecards/page.tsx", url: () => "/help/scorecards", expect: PUBLIC },
  // Steward workspace.
  {
    file: "app/t/[tenant]/page.tsx",
    url: () => "/t/northwind",
    otherTenantUrl: () => "/t/contoso",
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/partners/(list)/page.tsx",
    url: () => "/t/northwind/partners",
    otherTenantUrl: () => "/t/contoso/partners",
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/partners/new/page.tsx",
    url: () => "/t/northwind/partners/new",
    otherTenantUrl: () => "/t/contoso/partners/new",
    expect: STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/partners/[partnerId]/page.tsx",
    url: (i) => `/t/northwind/partners/${i.nwPartner}`,
    otherTenantUrl: (i) => `/t/northwind/partners/${i.cPartner}`,
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/partners/[partnerId]/edit/page.tsx",
    url: (i) => `/t/northwind/partners/${i.nwPartner}/edit`,
    otherTenantUrl: (i) => `/t/northwind/partners/${i.cPartner}/edit`,
    expect: STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/incidents/(inbox)/page.tsx",
    url: () => "/t/northwind/incidents",
    otherTenantUrl: () => "/t/contoso/incidents",
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/incidents/new/page.tsx",
    url: () => "/t/northwind/incidents/new",
    otherTenantUrl: () => "/t/contoso/incidents/new",
    expect: STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/incidents/[incidentId]/page.tsx",
    url: (i) => `/t/northwind/incidents/${i.nwIncident}`,
    otherTenantUrl: (i) => `/t/northwind/incidents/${i.cIncident}`,
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/notifications/page.tsx",
    url: () => "/t/northwind/notifications",
    otherTenantUrl: () => "/t/contoso/notifications",
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/scorecards/(list)/page.tsx",
    url: () => "/t/northwind/scorecards",
    otherTenantUrl: () => "/t/contoso/scorecards",
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/scorecards/[partnerId]/page.tsx",
    url: (i) => `/t/northwind/scorecards/${i.nwPartner}`,
    otherTenantUrl: (i) => `/t/northwind/scorecards/${i.cPartner}`,
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/plans/(list)/page.tsx",
    url: () => "/t/northwind/plans",
    otherTenantUrl: () => "/t/contoso/plans",
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/plans/[planId]/page.tsx",
    url: (i) => `/t/northwind/plans/${i.nwPlan}`,
    otherTenantUrl: (i) => `/t/northwind/plans/${i.cPlan}`,
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/scorecards/survey/page.tsx",
    url: () => "/t/northwind/scorecards/survey",
    otherTenantUrl: () => "/t/contoso/scorecards/survey",
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/standards/page.tsx",
    url: () => "/t/northwind/standards",
    otherTenantUrl: () => "/t/contoso/standards",
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/touchpoints/page.tsx",
    url: () => "/t/northwind/touchpoints",
    otherTenantUrl: () => "/t/contoso/touchpoints",
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/funnel/page.tsx",
    url: () => "/t/northwind/funnel",
    otherTenantUrl: () => "/t/contoso/funnel",
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/value/(overview)/page.tsx",
    url: () => "/t/northwind/value",
    otherTenantUrl: () => "/t/contoso/value",
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/value/defection/page.tsx",
    url: () => "/t/northwind/value/defection",
    otherTenantUrl: () => "/t/contoso/value/defection",
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/settings/causes/page.tsx",
    url: () => "/t/northwind/settings/causes",
    otherTenantUrl: () => "/t/contoso/settings/causes",
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/value/save/page.tsx",
    url: () => "/t/northwind/value/save",
    otherTenantUrl: () => "/t/contoso/value/save",
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/value/costs/page.tsx",
    url: () => "/t/northwind/value/costs",
    otherTenantUrl: () => "/t/contoso/value/costs",
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/value/customers/(list)/page.tsx",
    url: () => "/t/northwind/value/customers",
    otherTenantUrl: () => "/t/contoso/value/customers",
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/value/customers/[customerId]/page.tsx",
    url: (i) => `/t/northwind/value/customers/${i.nwCustomer}`,
    otherTenantUrl: (i) => `/t/northwind/value/customers/${i.cCustomer}`,
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/setup/page.tsx",
    url: () => "/t/northwind/setup",
    otherTenantUrl: () => "/t/contoso/setup",
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/settings/page.tsx",
    url: () => "/t/northwind/settings",
    otherTenantUrl: () => "/t/contoso/settings",
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/settings/channel/page.tsx",
    url: () => "/t/northwind/settings/channel",
    otherTenantUrl: () => "/t/contoso/settings/channel",
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/settings/alignment/page.tsx",
    url: () => "/t/northwind/settings/alignment",
    otherTenantUrl: () => "/t/contoso/settings/alignment",
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/settings/api-keys/page.tsx",
    url: () => "/t/northwind/settings/api-keys",
    otherTenantUrl: () => "/t/contoso/settings/api-keys",
    expect: OWNER_ONLY,
  },
  {
    file: "app/t/[tenant]/settings/api-reference/page.tsx",
    url: () => "/t/northwind/settings/api-reference",
    otherTenantUrl: () => "/t/contoso/settings/api-reference",
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/settings/email/page.tsx",
    url: () => "/t/northwind/settings/email",
    otherTenantUrl: () => "/t/contoso/settings/email",
    expect: STEWARD_READ,
  },
  // The demo's mailbox (the e2e server runs the local mail catcher, as the demo does).
  {
    file: "app/t/[tenant]/settings/mailbox/page.tsx",
    url: () => "/t/northwind/settings/mailbox",
    otherTenantUrl: () => "/t/contoso/settings/mailbox",
    expect: OWNER_ONLY,
  },
  {
    file: "app/t/[tenant]/settings/import/page.tsx",
    url: () => "/t/northwind/settings/import",
    otherTenantUrl: () => "/t/contoso/settings/import",
    expect: STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/settings/scorecards/page.tsx",
    url: () => "/t/northwind/settings/scorecards",
    otherTenantUrl: () => "/t/contoso/settings/scorecards",
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/settings/sla/page.tsx",
    url: () => "/t/northwind/settings/sla",
    otherTenantUrl: () => "/t/contoso/settings/sla",
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/settings/value/page.tsx",
    url: () => "/t/northwind/settings/value",
    otherTenantUrl: () => "/t/contoso/settings/value",
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/settings/incentives/page.tsx",
    url: () => "/t/northwind/settings/incentives",
    otherTenantUrl: () => "/t/contoso/settings/incentives",
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/incentives/(month)/page.tsx",
    url: () => "/t/northwind/incentives",
    otherTenantUrl: () => "/t/contoso/incentives",
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/settings/webhooks/page.tsx",
    url: () => "/t/northwind/settings/webhooks",
    otherTenantUrl: () => "/t/contoso/settings/webhooks",
    expect: OWNER_ONLY,
  },
  // Partner portal (own partner only; otherTenant here is Swift's admin reaching for Contoso's portal).
  {
    file: "app/portal/[tenant]/(home)/page.tsx",
    url: () => "/portal/northwind",
    otherTenantUrl: () => "/portal/contoso",
    expect: PORTAL,
  },
  {
    file: "app/portal/[tenant]/incidents/(list)/page.tsx",
    url: () => "/portal/northwind/incidents",
    otherTenantUrl: () => "/portal/contoso/incidents",
    expect: PORTAL,
  },
  {
    file: "app/portal/[tenant]/incidents/new/page.tsx",
    url: () => "/portal/northwind/incidents/new",
    otherTenantUrl: () => "/portal/contoso/incidents/new",
    expect: PORTAL,
  },
  {
    file: "app/portal/[tenant]/incidents/[incidentId]/page.tsx",
    url: (i) => `/portal/northwind/incidents/${i.nwIncident}`,
    otherTenantUrl: (i) => `/portal/northwind/incidents/${i.cIncident}`,
    otherPartnerUrl: (i) => `/portal/northwind/incidents/${i.nwOtherIncident}`,
    expect: { ...PORTAL, otherPartner: "404" },
  },
  {
    file: "app/portal/[tenant]/scorecard/page.tsx",
    url: () => "/portal/northwind/scorecard",
    otherTenantUrl: () => "/portal/contoso/scorecard",
    expect: PORTAL,
  },
  {
    file: "app/portal/[tenant]/plans/(list)/page.tsx",
    url: () => "/portal/northwind/plans",
    otherTenantUrl: () => "/portal/contoso/plans",
    expect: PORTAL,
  },
  {
    file: "app/portal/[tenant]/plans/[planId]/page.tsx",
    url: (i) => `/portal/northwind/plans/${i.nwPlan}`,
    otherTenantUrl: (i) => `/portal/northwind/plans/${i.cPlan}`,
    otherPartnerUrl: (i) => `/portal/northwind/plans/${i.nwOtherPlan}`,
    expect: { ...PORTAL, otherPartner: "404" },
  },
  {
    file: "app/portal/[tenant]/incentives/(history)/page.tsx",
    url: () => "/portal/northwind/incentives",
    otherTenantUrl: () => "/portal/contoso/incentives",
    expect: PORTAL,
  },
  {
    file: "app/portal/[tenant]/standards/page.tsx",
    url: () => "/portal/northwind/standards",
    otherTenantUrl: () => "/portal/contoso/standards",
    expect: PORTAL,
  },
  {
    file: "app/portal/[tenant]/survey/page.tsx",
    url: () => "/portal/northwind/survey",
    otherTenantUrl: () => "/portal/contoso/survey",
    expect: PORTAL,
  },
  {
    file: "app/portal/[tenant]/preferences/page.tsx",
    url: () => "/portal/northwind/preferences",
    otherTenantUrl: () => "/portal/contoso/preferences",
    expect: PORTAL,
  },
  {
    file: "app/portal/[tenant]/feedback/page.tsx",
    url: () => "/portal/northwind/feedback",
    otherTenantUrl: () => "/portal/contoso/feedback",
    expect: PORTAL,
  },
  {
    file: "app/t/[tenant]/feedback/page.tsx",
    url: () => "/t/northwind/feedback",
    otherTenantUrl: () => "/t/contoso/feedback",
    expect: STEWARD_READ,
  },
  // The customer survey: public, the signed single-use link is the authority (an unknown one says so).
  { file: "app/s/[token]/page.tsx", url: () => "/s/not-a-real-survey-token.0000", expect: PUBLIC },
];

// ------------------------------------------------------------------ session route handlers (app/**/route.ts outside /api/v1)

export type SessionRouteEntry = {
  file: string;
  method: "GET";
  url: (ids: Ids) => string;
  otherTenantUrl?: (ids: Ids) => string;
  expect: Row;
};

export const SESSION_ROUTES: SessionRouteEntry[] = [
  // next-auth's own endpoints: public by design (the session endpoint answers who you are, or nothing).
  { file: "app/api/auth/[...nextauth]/route.ts", method: "GET", url: () => "/api/auth/session", expect: PUBLIC },
  // One-click unsubscribe: its signed token is the only credential; no session gets past a bad token.
  {
    file: "app/api/email/unsubscribe/route.ts",
    method: "GET",
    url: () => "/api/email/unsubscribe?token=bm90LWEtdG9rZW4.forged-signature",
    expect: FORGED_TOKEN,
  },
  // A survey mail's one-click "stop asking me": the survey's signed token is the only credential, as on the survey.
  {
    file: "app/api/surveys/stop/route.ts",
    method: "GET",
    url: () => "/api/surveys/stop?token=bm90LWEtdG9rZW4.forged-signature",
    expect: FORGED_TOKEN,
  },
  {
    file: "app/t/[tenant]/value/save/export/route.ts",
    method: "GET",
    url: () => "/t/northwind/value/save/export",
    otherTenantUrl: () => "/t/contoso/value/save/export",
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/incentives/export/route.ts",
    method: "GET",
    url: (i) => `/t/northwind/incentives/export?month=${i.month}`,
    otherTenantUrl: (i) => `/t/contoso/incentives/export?month=${i.month}`,
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/scorecards/export/route.ts",
    method: "GET",
    url: (i) => `/t/northwind/scorecards/export?month=${i.month}&format=csv`,
    otherTenantUrl: (i) => `/t/contoso/scorecards/export?month=${i.month}&format=csv`,
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/scorecards/export/published/route.ts",
    method: "GET",
    url: (i) => `/t/northwind/scorecards/export/published?month=${i.month}&format=csv`,
    otherTenantUrl: (i) => `/t/contoso/scorecards/export/published?month=${i.month}&format=csv`,
    expect: STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/setup/samples/[kind]/route.ts",
    method: "GET",
    url: () => "/t/northwind/setup/samples/interactions",
    otherTenantUrl: () => "/t/contoso/setup/samples/interactions",
    expect: STEWARD_WRITE,
  },
  {
    file: "app/portal/[tenant]/scorecard/export/route.ts",
    method: "GET",
    url: (i) => `/portal/northwind/scorecard/export?month=${i.month}&format=csv`,
    otherTenantUrl: (i) => `/portal/contoso/scorecard/export?month=${i.month}&format=csv`,
    expect: PORTAL,
  },
];

// ------------------------------------------------------------------ API routes (app/api/v1/**/route.ts; API keys, not sessions)

/** Principals of the public API: no key, a tenant-wide Northwind key, Swift Couriers' partner key. */
type ApiRow = {
  /** No Authorization header, but a signed-in owner's session cookie: the API never accepts cookies. */
  sessionOnly: Outcome;
  noKey: Outcome;
  tenantKey: Outcome;
  partnerKey: Outcome;
  /** The Northwind tenant key with a Contoso id. */
  otherTenant: Outcome;
  /** Swift's partner key with another Northwind partner's id. */
  otherPartner: Outcome;
};

export type ApiEntry = {
  file: string;
  method: "GET" | "POST" | "PUT";
  url: (ids: Ids) => string;
  otherTenantUrl?: (ids: Ids) => string;
  otherPartnerUrl?: (ids: Ids) => string;
  /** A body that passes authorization but fails validation (nothing is written). */
  body?: unknown;
  /** A valid body for the foreign-id probes (the id is not found, so nothing is written). */
  validBody?: unknown;
  expect: ApiRow;
};

const API_READ: ApiRow = {
  sessionOnly: "401",
  noKey: "401",
  tenantKey: "allowed",
  partnerKey: "allowed",
  otherTenant: "n/a",
  otherPartner: "n/a",
};
/** Answers anyone, with or without a session or key, and reads no tenant's data. */
const API_PUBLIC: ApiRow = {
  sessionOnly: "allowed",
  noKey: "allowed",
  tenantKey: "allowed",
  partnerKey: "allowed",
  otherTenant: "n/a",
  otherPartner: "n/a",
};
const API_BY_ID: ApiRow = { ...API_READ, otherTenant: "404", otherPartner: "404" };
const INVALID = { definitely: "not valid" };

export const API_ROUTES: ApiEntry[] = [
  {
    // Readiness for a load balancer (and the server's warm-up): answers anyone, reads nothing of any tenant.
    file: "app/api/health/route.ts",
    method: "GET",
    url: () => "/api/health",
    expect: API_PUBLIC,
  },
  {
    file: "app/api/v1/openapi.json/route.ts",
    method: "GET",
    url: () => "/api/v1/openapi.json",
    expect: API_PUBLIC,
  },
  { file: "app/api/v1/partners/route.ts", method: "GET", url: () => "/api/v1/partners", expect: API_READ },
  {
    file: "app/api/v1/defection/route.ts",
    method: "GET",
    url: () => "/api/v1/defection",
    // Workspace-wide customer figures: a partner key is refused.
    expect: { ...API_READ, partnerKey: "403" },
  },
  {
    file: "app/api/v1/partners/[id]/route.ts",
    method: "GET",
    url: (i) => `/api/v1/partners/${i.nwPartner}`,
    otherTenantUrl: (i) => `/api/v1/partners/${i.cPartner}`,
    otherPartnerUrl: (i) => `/api/v1/partners/${i.nwOtherPartner}`,
    expect: API_BY_ID,
  },
  { file: "app/api/v1/touchpoints/route.ts", method: "GET", url: () => "/api/v1/touchpoints", expect: API_READ },
  { file: "app/api/v1/feedback/route.ts", method: "GET", url: () => "/api/v1/feedback", expect: API_READ },
  {
    file: "app/api/v1/feedback/route.ts",
    method: "POST",
    url: () => "/api/v1/feedback",
    body: INVALID,
    expect: API_READ,
  },
  { file: "app/api/v1/scorecards/route.ts", method: "GET", url: () => "/api/v1/scorecards", expect: API_READ },
  { file: "app/api/v1/funnel/route.ts", method: "GET", url: () => "/api/v1/funnel", expect: API_READ },
  {
    file: "app/api/v1/incentives/[month]/route.ts",
    method: "GET",
    url: (i) => `/api/v1/incentives/${i.month}`,
    expect: API_READ,
  },
  {
    file: "app/api/v1/scorecards/[id]/route.ts",
    method: "GET",
    url: () => "/api/v1/scorecards/00000000-0000-7000-8000-000000000000",
    expect: API_READ,
  },
  { file: "app/api/v1/plans/route.ts", method: "GET", url: () => "/api/v1/plans", expect: API_READ },
  {
    file: "app/api/v1/plans/[id]/route.ts",
    method: "GET",
    url: (i) => `/api/v1/plans/${i.nwPlan}`,
    otherTenantUrl: (i) => `/api/v1/plans/${i.cPlan}`,
    otherPartnerUrl: (i) => `/api/v1/plans/${i.nwOtherPlan}`,
    expect: API_BY_ID,
  },
  {
    file: "app/api/v1/plans/[id]/actions/[actionId]/evidence/route.ts",
    method: "POST",
    url: (i) => `/api/v1/plans/${i.nwPlan}/actions/${i.nwPlanAction}/evidence`,
    otherTenantUrl: (i) => `/api/v1/plans/${i.cPlan}/actions/${i.nwPlanAction}/evidence`,
    otherPartnerUrl: (i) => `/api/v1/plans/${i.nwOtherPlan}/actions/${i.nwOtherPlanAction}/evidence`,
    body: INVALID,
    validBody: { body: "access matrix probe" },
    expect: API_BY_ID,
  },
  {
    file: "app/api/v1/plans/[id]/decision/route.ts",
    method: "POST",
    url: (i) => `/api/v1/plans/${i.nwPlan}/decision`,
    otherTenantUrl: (i) => `/api/v1/plans/${i.cPlan}/decision`,
    otherPartnerUrl: (i) => `/api/v1/plans/${i.nwOtherPlan}/decision`,
    body: INVALID,
    validBody: { decision: "accept" },
    expect: API_BY_ID,
  },
  { file: "app/api/v1/incidents/route.ts", method: "GET", url: () => "/api/v1/incidents", expect: API_READ },
  {
    file: "app/api/v1/incidents/route.ts",
    method: "POST",
    url: () => "/api/v1/incidents",
    body: INVALID,
    expect: API_READ,
  },
  {
    file: "app/api/v1/incidents/[id]/route.ts",
    method: "GET",
    url: (i) => `/api/v1/incidents/${i.nwIncident}`,
    otherTenantUrl: (i) => `/api/v1/incidents/${i.cIncident}`,
    otherPartnerUrl: (i) => `/api/v1/incidents/${i.nwOtherIncident}`,
    expect: API_BY_ID,
  },
  {
    file: "app/api/v1/incidents/[id]/comments/route.ts",
    method: "POST",
    url: (i) => `/api/v1/incidents/${i.nwIncident}/comments`,
    otherTenantUrl: (i) => `/api/v1/incidents/${i.cIncident}/comments`,
    otherPartnerUrl: (i) => `/api/v1/incidents/${i.nwOtherIncident}/comments`,
    body: INVALID,
    validBody: { body: "access matrix probe" },
    expect: API_BY_ID,
  },
  {
    file: "app/api/v1/incidents/[id]/status/route.ts",
    method: "POST",
    url: (i) => `/api/v1/incidents/${i.nwIncident}/status`,
    otherTenantUrl: (i) => `/api/v1/incidents/${i.cIncident}/status`,
    otherPartnerUrl: (i) => `/api/v1/incidents/${i.nwOtherIncident}/status`,
    body: INVALID,
    validBody: { status: "ACKNOWLEDGED" },
    expect: API_BY_ID,
  },
  {
    file: "app/api/v1/interactions/route.ts",
    method: "POST",
    url: () => "/api/v1/interactions",
    body: INVALID,
    expect: API_READ,
  },
  {
    file: "app/api/v1/interactions/batch/route.ts",
    method: "POST",
    url: () => "/api/v1/interactions/batch",
    body: INVALID,
    expect: API_READ,
  },
  {
    file: "app/api/v1/transactions/route.ts",
    method: "POST",
    url: () => "/api/v1/transactions",
    body: INVALID,
    expect: API_READ,
  },
  {
    file: "app/api/v1/transactions/batch/route.ts",
    method: "POST",
    url: () => "/api/v1/transactions/batch",
    body: INVALID,
    expect: API_READ,
  },
  {
    file: "app/api/v1/customers/[externalRef]/route.ts",
    method: "PUT",
    url: () => "/api/v1/customers/access-matrix-probe",
    body: INVALID,
    expect: API_READ,
  },
];

// ------------------------------------------------------------------ server actions (from the build's server-reference-manifest)

export type ActionEntry = {
  file: string;
  name: string;
  /** Input for the six roles: passes the tenant check and fails validation or names an unknown id, so nothing is written. */
  input: (ids: Ids) => unknown;
  /** otherTenant: a valid-looking input aimed at another tenant (its slug, or its ids under ours). */
  otherTenantInput?: (ids: Ids) => unknown;
  /** otherPartner: Swift's partner admin with another partner's id. */
  otherPartnerInput?: (ids: Ids) => unknown;
  expect: Row;
};

const A_STEWARD_READ: Row = { ...STEWARD_READ };
const A_STEWARD_WRITE: Row = { ...STEWARD_WRITE };
const A_OWNER: Row = { ...OWNER_ONLY };
const A_PORTAL: Row = { ...PORTAL };
const SESSION_KEEP = "skip:would end the session the matrix runs in (logout is covered by tests/e2e/auth)";
const nw =
  (extra: Record<string, unknown> = {}) =>
  () => ({ tenantSlug: "northwind", ...extra });
const contoso =
  (extra: Record<string, unknown> = {}) =>
  () => ({ tenantSlug: "contoso", ...extra });
const NOPE = "matrix-unknown-id-0000";

export const ACTIONS: ActionEntry[] = [
  // Signed-out flows: anyone may call them; these inputs fail validation.
  {
    file: "app/(auth)/actions.ts",
    name: "loginAction",
    input: () => ({ email: "not-an-email", password: "" }),
    expect: PUBLIC,
  },
  { file: "app/(auth)/actions.ts", name: "signUpAction", input: () => ({ email: "nope" }), expect: PUBLIC },
  { file: "app/(auth)/actions.ts", name: "verifyEmailAction", input: () => ({ token: "" }), expect: PUBLIC },
  { file: "app/(auth)/actions.ts", name: "forgotPasswordAction", input: () => ({ email: "nope" }), expect: PUBLIC },
  {
    file: "app/(auth)/actions.ts",
    name: "resetPasswordAction",
    input: () => ({ token: "", password: "" }),
    expect: PUBLIC,
  },
  { file: "app/(auth)/actions.ts", name: "acceptInvitationAction", input: () => ({ token: "" }), expect: PUBLIC },
  { file: "app/s/[token]/actions.ts", name: "answerSurveyAction", input: () => ({ token: "" }), expect: PUBLIC },
  { file: "app/s/[token]/actions.ts", name: "stopSurveysAction", input: () => ({ token: "" }), expect: PUBLIC },
  {
    file: "app/(auth)/actions.ts",
    name: "logoutAction",
    input: () => undefined,
    expect: {
      owner: SESSION_KEEP,
      steward: SESSION_KEEP,
      analyst: SESSION_KEEP,
      partnerAdmin: SESSION_KEEP,
      partnerAgent: SESSION_KEEP,
      anonymous: "allowed",
      otherTenant: "n/a",
      otherPartner: "n/a",
    },
  },
  // Steward incidents.
  {
    file: "app/t/[tenant]/incidents/actions.ts",
    name: "createIncidentAction",
    input: nw({ title: "" }),
    otherTenantInput: contoso({ title: "" }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/incidents/actions.ts",
    name: "transitionIncidentAction",
    input: nw({ incidentId: NOPE, to: "NOT_A_STATUS" }),
    otherTenantInput: contoso(),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/incidents/actions.ts",
    name: "commentIncidentAction",
    input: nw({ incidentId: NOPE, body: "" }),
    otherTenantInput: (i) => ({ tenantSlug: "northwind", incidentId: i.cIncident, body: "access matrix probe" }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/incidents/actions.ts",
    name: "assignIncidentsAction",
    input: nw({ incidentIds: "nope" }),
    otherTenantInput: contoso({ incidentIds: "nope" }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/incidents/actions.ts",
    name: "acknowledgeIncidentsAction",
    input: nw({ incidentIds: "nope" }),
    otherTenantInput: contoso({ incidentIds: "nope" }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/incidents/actions.ts",
    name: "decideExtensionAction",
    input: nw({ incidentId: 7 }),
    otherTenantInput: contoso({ incidentId: 7 }),
    expect: A_STEWARD_WRITE,
  },
  // Portal incidents.
  {
    file: "app/portal/[tenant]/incidents/actions.ts",
    name: "reportIncidentAction",
    input: nw({ title: "" }),
    otherTenantInput: contoso({ title: "" }),
    expect: A_PORTAL,
  },
  {
    file: "app/portal/[tenant]/incidents/actions.ts",
    name: "partnerTransitionAction",
    input: nw({ incidentId: NOPE, to: "NOT_A_STATUS" }),
    otherTenantInput: contoso(),
    expect: A_PORTAL,
  },
  {
    file: "app/portal/[tenant]/incidents/actions.ts",
    name: "partnerCommentAction",
    input: nw({ incidentId: NOPE, body: "" }),
    otherTenantInput: contoso({ incidentId: NOPE, body: "" }),
    otherPartnerInput: (i) => ({ tenantSlug: "northwind", incidentId: i.nwOtherIncident, body: "access matrix probe" }),
    expect: { ...A_PORTAL, otherPartner: "404" },
  },
  {
    file: "app/portal/[tenant]/incidents/actions.ts",
    name: "requestExtensionAction",
    input: nw({ incidentId: 7 }),
    otherTenantInput: contoso({ incidentId: 7 }),
    expect: A_PORTAL,
  },
  {
    file: "app/portal/[tenant]/scorecard/actions.ts",
    name: "commentOnScorecardAction",
    input: nw({ body: 7 }),
    otherTenantInput: contoso({ body: 7 }),
    expect: A_PORTAL,
  },
  {
    file: "app/portal/[tenant]/standards/actions.ts",
    name: "acknowledgeStandardAction",
    input: nw({ standardId: 7 }),
    otherTenantInput: contoso({ standardId: 7 }),
    expect: A_PORTAL,
  },
  {
    file: "app/portal/[tenant]/standards/actions.ts",
    name: "selfAssessAction",
    input: nw({ standardId: 7 }),
    otherTenantInput: contoso({ standardId: 7 }),
    expect: A_PORTAL,
  },
  {
    file: "app/portal/[tenant]/survey/actions.ts",
    name: "submitSurveyAction",
    input: nw({ answers: 7 }),
    otherTenantInput: contoso({ answers: 7 }),
    expect: A_PORTAL,
  },
  {
    file: "app/portal/[tenant]/preferences/actions.ts",
    name: "savePortalEmailPreferencesAction",
    input: nw({ modes: 7 }),
    otherTenantInput: contoso({ modes: 7 }),
    expect: A_PORTAL,
  },
  // Corrective-action plans: the steward's side.
  {
    file: "app/t/[tenant]/plans/actions.ts",
    name: "openPlanFromScorecardAction",
    input: nw({ scorecardId: 7 }),
    otherTenantInput: contoso({ scorecardId: 7 }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/plans/actions.ts",
    name: "openPlanFromPatternAction",
    input: nw({ partnerId: 7 }),
    otherTenantInput: contoso({ partnerId: 7 }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/plans/actions.ts",
    name: "addPlanActionAction",
    input: nw({ planId: NOPE, description: "" }),
    otherTenantInput: (i) => ({
      tenantSlug: "northwind",
      planId: i.cPlan,
      description: "access matrix probe",
      owner: "contact:matrix-unknown",
      dueOn: "2099-01-01",
      metric: "score",
      target: 70,
    }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/plans/actions.ts",
    name: "removePlanActionAction",
    input: nw({ actionId: 7 }),
    otherTenantInput: contoso({ actionId: 7 }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/plans/actions.ts",
    name: "stewardPlanEventAction",
    input: nw({ planId: NOPE, event: "nope" }),
    otherTenantInput: (i) => ({ tenantSlug: "northwind", planId: i.cPlan, event: "start" }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/plans/actions.ts",
    name: "stewardActionStepAction",
    input: nw({ actionId: NOPE, step: "nope" }),
    otherTenantInput: contoso({ actionId: NOPE, step: "nope" }),
    expect: A_STEWARD_WRITE,
  },
  // Corrective-action plans: the partner's side (accepting or disputing is for partner admins).
  {
    file: "app/portal/[tenant]/plans/actions.ts",
    name: "respondToPlanAction",
    input: nw({ planId: NOPE, event: "nope" }),
    otherTenantInput: contoso({ planId: NOPE, event: "nope" }),
    otherPartnerInput: (i) => ({ tenantSlug: "northwind", planId: i.nwOtherPlan, event: "accept" }),
    expect: { ...A_PORTAL, partnerAgent: "403", otherPartner: "404" },
  },
  {
    file: "app/portal/[tenant]/plans/actions.ts",
    name: "postEvidenceAction",
    input: nw({ actionId: NOPE, body: "" }),
    otherTenantInput: contoso({ actionId: NOPE, body: "" }),
    otherPartnerInput: (i) => ({
      tenantSlug: "northwind",
      actionId: i.nwOtherPlanAction,
      body: "access matrix probe",
    }),
    expect: { ...A_PORTAL, otherPartner: "404" },
  },
  {
    file: "app/portal/[tenant]/plans/actions.ts",
    name: "markActionDoneAction",
    input: nw({ actionId: 7 }),
    otherTenantInput: contoso({ actionId: 7 }),
    expect: A_PORTAL,
  },
  // Steward workspace.
  {
    file: "app/t/[tenant]/notifications/actions.ts",
    name: "markNotificationsReadAction",
    input: nw(),
    otherTenantInput: contoso(),
    expect: A_STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/partners/actions.ts",
    name: "createPartnerAction",
    input: nw({ name: "" }),
    otherTenantInput: contoso({ name: "" }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/partners/actions.ts",
    name: "updatePartnerAction",
    input: nw({ name: "" }),
    otherTenantInput: contoso({ name: "" }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/partners/actions.ts",
    name: "transitionPartnerAction",
    input: nw({ partnerId: 7 }),
    otherTenantInput: contoso({ partnerId: 7 }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/partners/actions.ts",
    name: "saveAlignmentAction",
    input: nw({ partnerId: 7 }),
    otherTenantInput: contoso({ partnerId: 7 }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/incidents/actions.ts",
    name: "escalateIncidentAction",
    input: (i) => ({ tenantSlug: "northwind", incidentId: i.nwIncident, direction: "sideways", reason: "" }),
    otherTenantInput: (i) => ({ tenantSlug: "northwind", incidentId: i.cIncident, direction: "up", reason: "probe" }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/incidents/actions.ts",
    name: "createInboxViewAction",
    input: nw({ name: "" }),
    otherTenantInput: contoso({ name: "" }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/incidents/actions.ts",
    name: "renameInboxViewAction",
    input: nw({ viewId: NOPE, name: "probe" }),
    otherTenantInput: contoso({ viewId: NOPE, name: "probe" }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/incidents/actions.ts",
    name: "deleteInboxViewAction",
    input: nw({ viewId: NOPE }),
    otherTenantInput: contoso({ viewId: NOPE }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/incentives/actions.ts",
    name: "approveIncentivesAction",
    input: nw({ month: "nope" }),
    otherTenantInput: contoso({ month: "nope" }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/settings/incentives/actions.ts",
    name: "updateIncentiveRulesAction",
    input: nw({ rules: 7 }),
    otherTenantInput: contoso({ rules: 7 }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/scorecards/actions.ts",
    name: "computeMonthAction",
    input: nw({ month: "nope" }),
    otherTenantInput: contoso({ month: "nope" }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/scorecards/actions.ts",
    name: "publishMonthAction",
    input: nw({ month: "nope" }),
    otherTenantInput: contoso({ month: "nope" }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/scorecards/actions.ts",
    name: "saveScorecardConfigAction",
    input: nw({ weights: 7 }),
    otherTenantInput: contoso({ weights: 7 }),
    expect: A_OWNER,
  },
  {
    file: "app/t/[tenant]/standards/actions.ts",
    name: "createStandardAction",
    input: nw({ name: 7 }),
    otherTenantInput: contoso({ name: 7 }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/standards/actions.ts",
    name: "editStandardAction",
    input: nw({ standardId: 7 }),
    otherTenantInput: contoso({ standardId: 7 }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/standards/actions.ts",
    name: "recordAssessmentAction",
    input: nw({ standardId: 7 }),
    otherTenantInput: contoso({ standardId: 7 }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/standards/actions.ts",
    name: "decideAssessmentAction",
    input: nw({ assessmentId: 7 }),
    otherTenantInput: contoso({ assessmentId: 7 }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/setup/actions.ts",
    name: "applyPresetAction",
    input: nw({ preset: "nope" }),
    otherTenantInput: contoso({ preset: "nope" }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/touchpoints/actions.ts",
    name: "createTouchpointAction",
    input: nw({ name: 7 }),
    otherTenantInput: contoso({ name: 7 }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/touchpoints/actions.ts",
    name: "updateTouchpointAction",
    input: nw({ touchpointId: 7 }),
    otherTenantInput: contoso({ touchpointId: 7 }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/touchpoints/actions.ts",
    name: "moveTouchpointAction",
    input: nw({ touchpointId: 7 }),
    otherTenantInput: contoso({ touchpointId: 7 }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/touchpoints/actions.ts",
    name: "assignPartnerAction",
    input: nw({ touchpointId: 7 }),
    otherTenantInput: contoso({ touchpointId: 7 }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/touchpoints/actions.ts",
    name: "setTouchpointRolesAction",
    input: nw({ touchpointId: 7 }),
    otherTenantInput: contoso({ touchpointId: 7 }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/touchpoints/actions.ts",
    name: "unassignPartnerAction",
    input: nw({ touchpointId: 7 }),
    otherTenantInput: contoso({ touchpointId: 7 }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/value/actions.ts",
    name: "startRecomputeAction",
    input: nw({ month: "nope" }),
    otherTenantInput: contoso({ month: "nope" }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/value/defection/actions.ts",
    name: "chooseChurnBasisAction",
    input: nw({ basis: "NEITHER" }),
    otherTenantInput: contoso({ basis: "NEITHER" }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/value/defection/actions.ts",
    name: "measureDefectionAction",
    input: nw(),
    otherTenantInput: contoso(),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/value/actions.ts",
    name: "recomputeStatusAction",
    input: nw({ jobId: NOPE }),
    otherTenantInput: contoso({ jobId: NOPE }),
    expect: A_STEWARD_READ,
  },
  // Settings.
  {
    file: "app/t/[tenant]/settings/actions.ts",
    name: "inviteMemberAction",
    input: nw({ email: "nope" }),
    otherTenantInput: contoso({ email: "nope" }),
    expect: A_OWNER,
  },
  {
    file: "app/t/[tenant]/settings/actions.ts",
    name: "removeMemberAction",
    input: nw({ membershipId: 7 }),
    otherTenantInput: contoso({ membershipId: 7 }),
    expect: A_OWNER,
  },
  {
    file: "app/t/[tenant]/settings/actions.ts",
    name: "revokeInvitationAction",
    input: nw({ invitationId: 7 }),
    otherTenantInput: contoso({ invitationId: 7 }),
    expect: A_OWNER,
  },
  {
    file: "app/t/[tenant]/settings/alignment/actions.ts",
    name: "createQuestionAction",
    input: nw({ text: 7 }),
    otherTenantInput: contoso({ text: 7 }),
    expect: A_OWNER,
  },
  {
    file: "app/t/[tenant]/settings/alignment/actions.ts",
    name: "updateQuestionAction",
    input: nw({ questionId: 7 }),
    otherTenantInput: contoso({ questionId: 7 }),
    expect: A_OWNER,
  },
  {
    file: "app/t/[tenant]/settings/channel/actions.ts",
    name: "updateChannelDesignAction",
    input: nw({ design: "nope" }),
    otherTenantInput: contoso({ design: "nope" }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/settings/api-keys/actions.ts",
    name: "createApiKeyAction",
    input: nw({ name: "" }),
    otherTenantInput: contoso({ name: "" }),
    expect: A_OWNER,
  },
  {
    file: "app/t/[tenant]/settings/api-keys/actions.ts",
    name: "revokeApiKeyAction",
    input: nw({ apiKeyId: NOPE }),
    otherTenantInput: contoso({ apiKeyId: NOPE }),
    expect: A_OWNER,
  },
  {
    file: "app/t/[tenant]/settings/email/actions.ts",
    name: "saveChatWebhookAction",
    input: nw({ url: 7 }),
    otherTenantInput: contoso({ url: 7 }),
    expect: A_OWNER,
  },
  {
    file: "app/t/[tenant]/settings/email/actions.ts",
    name: "saveEmailPreferencesAction",
    input: nw({ modes: 7 }),
    otherTenantInput: contoso({ modes: 7 }),
    expect: A_STEWARD_READ,
  },
  {
    file: "app/t/[tenant]/settings/import/actions.ts",
    name: "importBatchAction",
    input: nw({ kind: "nope" }),
    otherTenantInput: contoso({ kind: "nope" }),
    expect: A_STEWARD_WRITE,
  },
  {
    file: "app/t/[tenant]/settings/sla/actions.ts",
    name: "saveSlaPolicyAction",
    input: nw({ severity: "nope" }),
    otherTenantInput: contoso({ severity: "nope" }),
    expect: A_OWNER,
  },
  {
    file: "app/t/[tenant]/settings/sla/actions.ts",
    name: "saveBusinessHoursAction",
    input: nw({ days: 7 }),
    otherTenantInput: contoso({ days: 7 }),
    expect: A_OWNER,
  },
  {
    file: "app/t/[tenant]/settings/causes/actions.ts",
    name: "addCauseAction",
    input: nw({ label: "" }),
    otherTenantInput: contoso({ label: "" }),
    expect: A_OWNER,
  },
  {
    file: "app/t/[tenant]/settings/causes/actions.ts",
    name: "addCausePresetsAction",
    input: nw({ presets: false }),
    otherTenantInput: contoso({ presets: false }),
    expect: A_OWNER,
  },
  {
    file: "app/t/[tenant]/settings/causes/actions.ts",
    name: "removeCauseAction",
    input: nw({ causeId: "00000000-0000-7000-8000-000000000000" }),
    otherTenantInput: contoso({ causeId: "00000000-0000-7000-8000-000000000000" }),
    expect: A_OWNER,
  },
  {
    file: "app/t/[tenant]/settings/value/actions.ts",
    name: "updateValueSettingsAction",
    input: nw({ horizonMonths: "nope" }),
    otherTenantInput: contoso({ horizonMonths: "nope" }),
    expect: A_OWNER,
  },
  {
    file: "app/t/[tenant]/settings/value/actions.ts",
    name: "updateWorkspaceSettingsAction",
    input: nw({ currency: "nope" }),
    otherTenantInput: contoso({ currency: "nope" }),
    expect: A_OWNER,
  },
  {
    file: "app/t/[tenant]/settings/value/actions.ts",
    name: "updateFeedbackSettingsAction",
    input: nw({ surveyEveryDays: "nope" }),
    otherTenantInput: contoso({ surveyEveryDays: "nope" }),
    expect: A_OWNER,
  },
  {
    file: "app/t/[tenant]/settings/webhooks/actions.ts",
    name: "createWebhookEndpointAction",
    input: nw({ url: 7 }),
    otherTenantInput: contoso({ url: 7 }),
    expect: A_OWNER,
  },
  {
    file: "app/t/[tenant]/settings/webhooks/actions.ts",
    name: "setWebhookEndpointActiveAction",
    input: nw({ endpointId: 7 }),
    otherTenantInput: contoso({ endpointId: 7 }),
    expect: A_OWNER,
  },
  {
    file: "app/t/[tenant]/settings/webhooks/actions.ts",
    name: "rotateWebhookSecretAction",
    input: nw({ endpointId: 7 }),
    otherTenantInput: contoso({ endpointId: 7 }),
    expect: A_OWNER,
  },
  {
    file: "app/t/[tenant]/settings/webhooks/actions.ts",
    name: "deleteWebhookEndpointAction",
    input: nw({ endpointId: 7 }),
    otherTenantInput: contoso({ endpointId: 7 }),
    expect: A_OWNER,
  },
  {
    file: "app/t/[tenant]/settings/webhooks/actions.ts",
    name: "retryWebhookDeliveryAction",
    input: nw({ deliveryId: 7 }),
    otherTenantInput: contoso({ deliveryId: 7 }),
    expect: A_OWNER,
  },
];

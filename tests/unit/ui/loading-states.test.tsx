/**
 * Issue 17 item 10: every list page shows a loading skeleton while it streams in, and Touchpoints and Standards
 * (which answer a 404 for an unknown ?edit= id before streaming, so they have no loading.tsx) stream their content
 * behind the same skeleton. Removing a loading.tsx, or a page's Suspense fallback, fails here.
 */
import { existsSync } from "node:fs";
import type { ReactElement, ReactNode } from "react";
import { Suspense } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/guards", () => ({
  requireSteward: async (slug: string) => ({
    user: { id: "u", email: "steward@acme.test", name: "Sam", sessionId: "s" },
    tenant: { id: "t", slug, name: "Acme", timezone: "UTC", currency: "USD" },
    membership: { id: "m", role: "STEWARD", partnerId: null },
    partner: null,
  }),
}));

// The list pages with a loading boundary (docs/decisions/004-loading-boundaries-and-404.md).
const LOADING_FILES = [
  "app/t/[tenant]/incidents/(inbox)/loading.tsx",
  "app/t/[tenant]/partners/(list)/loading.tsx",
  "app/t/[tenant]/scorecards/(list)/loading.tsx",
  "app/t/[tenant]/setup/loading.tsx",
  "app/t/[tenant]/value/(overview)/loading.tsx",
  "app/t/[tenant]/value/customers/(list)/loading.tsx",
  "app/portal/[tenant]/(home)/loading.tsx",
  "app/portal/[tenant]/incidents/(list)/loading.tsx",
];

/** The skeleton is announced as a busy "Loading" status, and has placeholder blocks. */
function expectSkeleton(html: string) {
  expect(html).toMatch(/role="status"/);
  expect(html).toMatch(/aria-busy="true"/);
  expect(html).toMatch(/aria-label="Loading"/);
  expect(html).toMatch(/animate-pulse/);
}

describe("loading states", () => {
  it.each(LOADING_FILES)("%s renders the loading skeleton", async (file) => {
    expect(existsSync(file), `${file} is missing`).toBe(true);
    const { default: Loading } = (await import(`@/${file}`)) as { default: () => ReactNode };
    expectSkeleton(renderToStaticMarkup(Loading() as ReactElement));
  });

  const pages = {
    touchpoints: () => import("@/app/t/[tenant]/touchpoints/page"),
    standards: () => import("@/app/t/[tenant]/standards/page"),
  };

  it.each(Object.keys(pages) as (keyof typeof pages)[])(
    "the %s page streams its content behind the loading skeleton",
    async (name) => {
      const { default: Page } = await pages[name]();
      const element = (await Page({
        params: Promise.resolve({ tenant: "acme" }),
        searchParams: Promise.resolve({}),
      } as never)) as ReactElement<{ fallback: ReactNode; children: ReactNode }>;
      expect(element.type).toBe(Suspense);
      expect(element.props.children).toBeTruthy();
      expectSkeleton(renderToStaticMarkup(element.props.fallback as ReactElement));
    },
  );
});

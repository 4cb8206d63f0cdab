import { expect, test, type Browser } from "@playwright/test";
import { NORTHWIND, signIn } from "../helpers";
import { csrfFrom, signInFrom, signInWithCsrf } from "./from-address";
import { signUpAndVerify } from "../mail-helpers";

// Issue 13 through the running app: the sign-in limit under a burst of parallel requests to
// next-auth's own endpoint, X-Forwarded-For not trusted, the redirect after sign-in, every sign-out
// path ending the session, and the CSP nonce and HSTS headers.

const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token$/;

test("a burst of 100 parallel sign-ins verifies at most 5 passwords and refuses the right one", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  // a fresh account, so the demo logins other specs use keep no failures
  const stamp = Date.now();
  const email = `burst.${stamp}@acme.test`;
  const password = "tulip-ferry-9-lantern";
  await signUpAndVerify(page, { name: "Burst Owner", email, password, company: `Burst ${stamp}` });

  const source = "127.0.0.11";
  const csrf = await csrfFrom(source, baseURL!);
  const passwords = Array.from({ length: 100 }, (_, i) => (i === 99 ? password : `wrong-password-${i}`));
  const results = await Promise.all(passwords.map((p) => signInWithCsrf(source, baseURL!, csrf, email, p)));
  const outcomes = results.map((r) => r.outcome);
  const verified = outcomes.filter((o) => o === "invalid").length;
  console.log(`password verifications for 100 parallel POST /api/auth/callback/credentials: ${verified}`);
  expect(verified).toBeLessThanOrEqual(5);
  expect(outcomes.filter((o) => o === "rate_limited")).toHaveLength(100 - verified);
  expect(outcomes[99]).toBe("rate_limited");
});

test("X-Forwarded-For does not reset the per-source limit, nor lock out the address it names", async ({ baseURL }) => {
  test.setTimeout(180_000);
  const source = "127.0.0.9";
  const spoofed = (i: number) => ({ "x-forwarded-for": `198.51.100.${i % 250}` });
  // 30 failures (the per-source limit), each for another e-mail and a new forged address
  for (let i = 0; i < 30; i++) {
    const { outcome } = await signInFrom(source, baseURL!, `spray-${i}@nowhere.test`, "guess-1234", spoofed(i));
    expect(outcome, `attempt ${i + 1}`).toBe("invalid");
  }
  const blocked = await signInFrom(source, baseURL!, "spray-x@nowhere.test", "guess-1234", {
    "x-forwarded-for": "203.0.113.77",
  });
  expect(blocked.outcome).toBe("rate_limited");
  // another client naming the same forged addresses is not blocked by them
  const other = await signInFrom("127.0.0.10", baseURL!, "spray-y@nowhere.test", "guess-1234", spoofed(1));
  expect(other.outcome).toBe("invalid");
});

const REDIRECTS = [
  "//evil.example/phish",
  "/.//evil.example/phish",
  "/x/..//evil.example/phish",
  "/ok/../..//evil.example/phish",
  "/\\evil.example/phish",
  "\\\\evil.example/phish",
  "/\\/evil.example/phish",
  "/%2F%2Fevil.example/phish",
  "/%5C%5Cevil.example/phish",
  "https://evil.example/phish",
];

async function landingAfterSignIn(browser: Browser, next: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, NORTHWIND.steward, next);
  const landed = new URL(page.url());
  await context.close();
  return landed;
}

test("after sign-in, next never leaves the site (dot segments, backslashes, encoded slashes)", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const site = new URL(baseURL!);
  for (const next of REDIRECTS) {
    const landed = await landingAfterSignIn(browser, next);
    expect(landed.host, next).toBe(site.host);
    expect(landed.pathname, next).not.toMatch(/^\/\//);
  }
  // a same-site path is followed, normalised
  const normalised = await landingAfterSignIn(browser, `/x/../t/${NORTHWIND.slug}/incidents`);
  expect(normalised.pathname).toBe(`/t/${NORTHWIND.slug}/incidents`);
});

test("signing out through /api/auth/signout ends the session for a copied cookie too", async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, NORTHWIND.steward);
  const copied = (await context.cookies()).find((c) => SESSION_COOKIE.test(c.name))!;

  // next-auth's built-in sign-out endpoint, not the app's button
  const { csrfToken } = await (await context.request.get("/api/auth/csrf")).json();
  const signedOut = await context.request.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 });
  expect(signedOut.status()).toBeLessThan(400);

  const replay = await browser.newContext();
  await replay.addCookies([copied]);
  const replayed = await replay.newPage();
  await replayed.goto(`/t/${NORTHWIND.slug}/incidents`);
  await expect(replayed).toHaveURL(/\/login/);
  expect(new URL(replayed.url()).host).toBe(new URL(baseURL!).host);
  await Promise.all([context.close(), replay.close()]);
});

test("pages carry a per-request script nonce and no 'unsafe-inline' for scripts, and run under it", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) violations.push(message.text());
  });
  const first = await page.goto("/login");
  const csp = first!.headers()["content-security-policy"];
  const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src"))!;
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
  expect(nonce).toBeTruthy();
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  // every script in the page carries the request's nonce
  const html = await first!.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  // a new request, a new nonce; the static /signup page too
  const again = (await page.request.get("/signup")).headers()["content-security-policy"];
  expect(again).toMatch(/'nonce-[^']+'/);
  expect(again).not.toContain(`'nonce-${nonce}'`);
  // and the app still works under it (hydration, a server action)
  await signIn(page, NORTHWIND.steward);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});

test("HSTS is sent when served over https only", async ({ page }) => {
  const plain = await page.request.get("/login");
  expect(plain.headers()["strict-transport-security"]).toBeUndefined();
  const secure = await page.request.get("/login", { headers: { "x-forwarded-proto": "https" } });
  expect(secure.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
});

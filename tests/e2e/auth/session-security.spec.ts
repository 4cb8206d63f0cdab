import { expect, request, test } from "@playwright/test";
import { NORTHWIND, signIn } from "../helpers";

// Session security: response headers, cookie flags (also behind an https proxy), a new session per
// sign-in, and signing out invalidating the session server-side (a copied cookie stops working).

const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token$/;

test("pages and the API answer with the security headers", async ({ page }) => {
  for (const path of ["/login", "/api/v1/openapi.json"]) {
    const response = await page.request.get(path);
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, path).toContain("default-src 'self'");
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("object-src 'none'");
    expect(csp, path).toContain("base-uri 'self'");
    expect(csp, path).toContain("form-action 'self'");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-powered-by"], path).toBeUndefined();
  }
});

test("the session cookie is HttpOnly and SameSite=Lax, and Secure behind https", async ({ page, baseURL }) => {
  await signIn(page, NORTHWIND.steward);
  const session = (await page.context().cookies()).find((c) => SESSION_COOKIE.test(c.name));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });

  // Behind a TLS-terminating proxy (x-forwarded-proto: https) Auth.js switches to __Secure-/__Host-
  // cookies with the Secure flag: sign in through its credentials callback and read Set-Cookie.
  const https = { "x-forwarded-proto": "https" };
  const api = await request.newContext({ baseURL });
  const csrf = await api.get("/api/auth/csrf", { headers: https });
  const csrfCookie = csrf
    .headersArray()
    .find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("__Host-authjs.csrf-token="))!;
  expect(csrfCookie.value).toMatch(/; Secure/i);
  expect(csrfCookie.value).toMatch(/HttpOnly/i);
  const { csrfToken } = await csrf.json();
  const signedIn = await api.post("/api/auth/callback/credentials", {
    headers: { ...https, cookie: csrfCookie.value.split(";")[0] },
    form: { csrfToken, email: NORTHWIND.steward.email, password: NORTHWIND.steward.password },
    maxRedirects: 0,
  });
  const sessionCookie = signedIn
    .headersArray()
    .find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("__Secure-authjs.session-token="));
  expect(sessionCookie?.value).toMatch(/; Secure/i);
  expect(sessionCookie?.value).toMatch(/HttpOnly/i);
  expect(sessionCookie?.value).toMatch(/SameSite=Lax/i);
  await api.dispose();
});

test("each sign-in opens its own session, and signing out ends it for a copied cookie too", async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  await signIn(a, NORTHWIND.steward);
  await signIn(b, NORTHWIND.steward);
  const cookieOf = async (context: typeof first) => (await context.cookies()).find((c) => SESSION_COOKIE.test(c.name))!;
  const copied = await cookieOf(first);
  expect(copied.value).not.toBe((await cookieOf(second)).value);

  // a copy of the cookie opens the workspace while the session lasts…
  const replay = await browser.newContext();
  await replay.addCookies([copied]);
  const replayed = await replay.newPage();
  await replayed.goto(`/t/${NORTHWIND.slug}/incidents`);
  await expect(replayed.getByRole("heading", { level: 1 })).toHaveText("Incidents & escalations");

  await a.getByRole("button", { name: "Sign out" }).click();
  await expect(a).toHaveURL(/\/login/);

  // …and no longer once that browser signed out (the session row is gone, the JWT alone is not enough)
  await replayed.goto(`/t/${NORTHWIND.slug}`);
  await expect(replayed).toHaveURL(/\/login/);
  // …while the other sign-in of the same user still works
  await b.goto(`/t/${NORTHWIND.slug}/incidents`);
  await expect(b.getByRole("heading", { level: 1 })).toHaveText("Incidents & escalations");
  await Promise.all([first.close(), second.close(), replay.close()]);
});

import http from "node:http";

// Requests sent from a chosen loopback address (127.0.0.0/8 all reach the server), so a test can
// be "another client" to the server's per-source limits without locking out 127.0.0.1, which the
// other specs sign in from.

export type RawResponse = { status: number; location: string; cookies: string[]; body: string };

function requestFrom(
  localAddress: string,
  baseURL: string,
  path: string,
  {
    method = "GET",
    headers = {},
    form,
  }: { method?: string; headers?: Record<string, string>; form?: Record<string, string> } = {},
): Promise<RawResponse> {
  const url = new URL(path, baseURL);
  const body = form ? new URLSearchParams(form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method,
        localAddress,
        agent: false,
        headers: {
          ...headers,
          ...(body
            ? { "content-type": "application/x-www-form-urlencoded", "content-length": String(Buffer.byteLength(body)) }
            : {}),
        },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            location: String(response.headers.location ?? ""),
            cookies: response.headers["set-cookie"] ?? [],
            body: text,
          }),
        );
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** A CSRF token and its cookie from next-auth, as its sign-in and sign-out endpoints require. */
export async function csrfFrom(localAddress: string, baseURL: string, cookie = "") {
  const response = await requestFrom(localAddress, baseURL, "/api/auth/csrf", { headers: cookie ? { cookie } : {} });
  const csrfCookie = response.cookies.find((c) => c.startsWith("authjs.csrf-token="))?.split(";")[0];
  return {
    csrfToken: (JSON.parse(response.body) as { csrfToken: string }).csrfToken,
    cookie: [cookie, csrfCookie].filter(Boolean).join("; "),
  };
}

/** One sign-in through next-auth's credentials callback; the refusal code from its redirect, or "ok". */
export async function signInFrom(
  localAddress: string,
  baseURL: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
) {
  const { csrfToken, cookie } = await csrfFrom(localAddress, baseURL);
  return signInWithCsrf(localAddress, baseURL, { csrfToken, cookie }, email, password, headers);
}

export async function signInWithCsrf(
  localAddress: string,
  baseURL: string,
  csrf: { csrfToken: string; cookie: string },
  email: string,
  password: string,
  headers: Record<string, string> = {},
) {
  const response = await requestFrom(localAddress, baseURL, "/api/auth/callback/credentials", {
    method: "POST",
    headers: { ...headers, cookie: csrf.cookie },
    form: { csrfToken: csrf.csrfToken, email, password },
  });
  const signedIn = response.cookies.some((c) => c.startsWith("authjs.session-token="));
  const code = new URL(response.location || "/", baseURL).searchParams.get("code");
  return { outcome: signedIn ? "ok" : (code?.split(":")[0] ?? `status ${response.status}`), response };
}

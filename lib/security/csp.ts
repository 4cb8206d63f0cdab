// The Content-Security-Policy of every response, with a fresh nonce per request for scripts: Next.js
// puts the nonce on its own scripts when it finds it in the request's CSP header (proxy.ts), so no
// 'unsafe-inline' is needed for scripts (issue 13, finding 10). Styles keep 'unsafe-inline': React
// style attributes (charts, progress bars) cannot carry a nonce, and styles cannot run code.

export function contentSecurityPolicy(nonce: string, { development = false } = {}): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonced ones load (Next.js chunks) are trusted too; 'self' is the
    // fallback for browsers without it. React needs eval only for its development error overlay.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** 128 random bits, base64: unguessable and new for every request. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** Two years, subdomains included: sent only on responses served over https (browsers ignore it on http). */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** Whether the request reached the app over https (directly, or through a proxy that terminated TLS). */
export function servedOverHttps(url: URL, headers: Headers): boolean {
  const forwardedProto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return url.protocol === "https:" || forwardedProto === "https";
}

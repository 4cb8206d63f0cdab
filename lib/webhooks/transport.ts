import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { checkWebhookTarget, systemResolver, type Resolver } from "./target";

// The HTTP POST of a webhook delivery. The target is checked right before sending (its DNS answer
// may have changed since the endpoint was saved), and the connection goes to exactly the address
// that was checked: the request's DNS lookup is replaced by that answer, so a rebinding DNS server
// cannot hand out a public address to the check and a private one to the connection. TLS still
// verifies the certificate against the URL's host name. Redirects are not followed.

type PostResult = { status: number; body?: ReadableStream | null };
export type WebhookPost = (url: string, init: RequestInit) => Promise<PostResult>;

export class WebhookTargetBlocked extends Error {
  name = "WebhookTargetBlocked";
}

export function guardedPost(resolve: Resolver = systemResolver): WebhookPost {
  return async (value, init) => {
    const check = await checkWebhookTarget(value, resolve);
    if (!check.ok) throw new WebhookTargetBlocked(check.message);
    const target = check.addresses[0];
    const pinned: LookupFunction = (_host, options, callback) => {
      if ((options as { all?: boolean }).all)
        (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [target]);
      else callback(null, target.address, target.family);
    };
    const body = typeof init.body === "string" ? init.body : "";
    const headers = { ...(init.headers as Record<string, string>), "content-length": String(Buffer.byteLength(body)) };
    const client = check.url.protocol === "https:" ? https : http;
    return new Promise<PostResult>((resolvePost, reject) => {
      const signal = init.signal ?? undefined;
      const request = client.request(
        check.url,
        { method: init.method ?? "POST", headers, lookup: pinned, signal },
        (response) => {
          response.resume(); // the answer's body is not needed
          resolvePost({ status: response.statusCode ?? 0, body: null });
        },
      );
      request.on("error", (error) => reject(signal?.aborted && signal.reason instanceof Error ? signal.reason : error));
      request.end(body);
    });
  };
}

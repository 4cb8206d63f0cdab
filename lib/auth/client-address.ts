import { env, socketAddressHeaderIsOurs } from "@/lib/env";

// The address a request came from, for per-source sign-in and sign-up limits (issue 13, finding 2).
// X-Forwarded-For is written by whoever sends the request, so it is only read when the operator
// declares trusted proxies (TRUSTED_PROXY_HOPS), and then from its right end: each trusted proxy
// appends the address it saw, so the client is the entry just left of the trusted hops.
// Otherwise the connection's own address is used, which scripts/next-server.mjs passes in
// SOCKET_ADDRESS_HEADER (overwriting any value a client sent).

export const SOCKET_ADDRESS_HEADER = "x-steward-socket-address";

export function clientAddress(headers: Headers, trustedProxyHops = env().TRUSTED_PROXY_HOPS): string {
  const socket = socketAddressHeaderIsOurs() ? headers.get(SOCKET_ADDRESS_HEADER)?.trim() : undefined;
  if (trustedProxyHops === 0) return socket || "unknown";
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // The socket is the nearest trusted proxy; without it, the last forwarded entry stands for it.
  const chain = socket ? [...forwarded, socket] : forwarded;
  const index = (socket ? chain.length - 1 : chain.length) - trustedProxyHops;
  return chain[Math.max(0, index)] ?? socket ?? "unknown";
}

import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { env } from "@/lib/env";

// Where webhooks may be sent (server-side request forgery guard). A tenant's endpoint URL is fetched
// by our server, so it must not reach the server's own network: loopback, private ranges, link-local
// (cloud metadata at 169.254.169.254 / fd00:ec2::254), unique-local IPv6, "this network" (0.0.0.0/8).
// Checked when an endpoint is saved (webhookEndpointSchema) and again at every delivery, because a
// name's DNS answer can change after it was saved; the delivery then connects to exactly the address
// that was checked (lib/webhooks/transport.ts), so a second DNS answer cannot slip past the check.
// STEWARD_WEBHOOKS_ALLOW_PRIVATE=1 lifts this for tests and local development (a receiver on
// 127.0.0.1); it is off by default.

type ResolvedAddress = { address: string; family: 4 | 6 };
export type TargetCheck =
  | { ok: true; url: URL; addresses: ResolvedAddress[] }
  | { ok: false; reason: "url" | "private" | "unresolved"; message: string };
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

function privateTargetsAllowed(): boolean {
  return env().STEWARD_WEBHOOKS_ALLOW_PRIVATE === "1";
}

function ipv4Number(ip: string): number {
  return ip.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}

const IPV4_BLOCKED: [string, number][] = [
  ["0.0.0.0", 8], // "this network"; 0.0.0.0 reaches the local host
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT, internal to providers
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12],
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
];

function ipv4Blocked(ip: string): boolean {
  const n = ipv4Number(ip);
  return IPV4_BLOCKED.some(([base, bits]) => {
    const size = 2 ** (32 - bits);
    const start = ipv4Number(base);
    return n >= start && n < start + size;
  });
}

/** The 8 16-bit groups of an IPv6 address (with :: expanded and a trailing dotted IPv4 converted). */
function ipv6Groups(ip: string): number[] {
  let text = ip.split("%")[0].toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const n = ipv4Number(v4[1]);
    text = `${text.slice(0, -v4[1].length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, null];
  const a = head ? head.split(":") : [];
  const b = tail === null ? [] : tail ? tail.split(":") : [];
  const zeros = tail === null ? [] : Array(8 - a.length - b.length).fill("0");
  return [...a, ...zeros, ...b].map((g) => parseInt(g, 16));
}

function ipv4FromGroups(high: number, low: number): string {
  return `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
}

/** Whether an IP address (v4 or v6) is one webhooks must not be sent to. */
export function isBlockedAddress(ip: string): boolean {
  const version = isIP(ip.split("%")[0]);
  if (version === 4) return ipv4Blocked(ip);
  if (version !== 6) return true; // not an address at all: never connect to it
  const g = ipv6Groups(ip);
  const v4 = ipv4FromGroups(g[6], g[7]);
  if (g.slice(0, 6).every((x) => x === 0)) return ipv4Blocked(v4) || g[6] === 0; // ::, ::1, ::a.b.c.d
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return ipv4Blocked(v4); // IPv4-mapped ::ffff:a.b.c.d
  if (g[0] === 0x64 && g[1] === 0xff9b) return ipv4Blocked(v4); // NAT64 64:ff9b::a.b.c.d
  // 6to4 2002:AABB:CCDD::/48 carries the IPv4 address AA.BB.CC.DD that a relay forwards to.
  if (g[0] === 0x2002) return ipv4Blocked(ipv4FromGroups(g[1], g[2]));
  // Teredo 2001:0::/32: the server's IPv4 in groups 2–3, the client's bit-inverted in groups 6–7.
  if (g[0] === 0x2001 && g[1] === 0)
    return ipv4Blocked(ipv4FromGroups(g[2], g[3])) || ipv4Blocked(ipv4FromGroups(g[6] ^ 0xffff, g[7] ^ 0xffff));
  if ((g[0] & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local (incl. fd00:ec2::254 metadata)
  if ((g[0] & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if ((g[0] & 0xffc0) === 0xfec0) return true; // fec0::/10 old site-local
  if ((g[0] & 0xff00) === 0xff00) return true; // multicast
  return false;
}

const LOOKUP_TIMEOUT_MS = 3_000;

export const systemResolver: Resolver = async (host) => {
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(
      () => reject(Object.assign(new Error("DNS lookup timed out"), { code: "ETIMEOUT" })),
      LOOKUP_TIMEOUT_MS,
    ).unref(),
  );
  const found = await Promise.race([lookup(host, { all: true, verbatim: true }), timeout]);
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/**
 * Checks a webhook URL: https (plain http only to a local receiver where private targets are
 * allowed), no credentials, and every address its host resolves to is public. The addresses are returned so the
 * caller connects to one of exactly these.
 */
export async function checkWebhookTarget(value: string, resolve: Resolver = systemResolver): Promise<TargetCheck> {
  if (!URL.canParse(value))
    return { ok: false, reason: "url", message: "Enter a full URL, e.g. https://erp.example.com/steward-webhooks." };
  const url = new URL(value);
  const allowPrivate = privateTargetsAllowed();
  const httpsOnly: TargetCheck = { ok: false, reason: "url", message: "Use an https:// URL." };
  if (url.protocol !== "https:" && url.protocol !== "http:") return httpsOnly;
  if (url.username || url.password)
    return {
      ok: false,
      reason: "url",
      message: "Leave the user name and password out of the URL; receivers check the signature instead.",
    };
  const host = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  const blocked = (address: string): TargetCheck => ({
    ok: false,
    reason: "private",
    message: `${url.hostname} points to a private or local network address (${address}); webhooks can only be sent to public internet addresses.`,
  });
  let addresses: ResolvedAddress[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) === 6 ? 6 : 4 }];
  else if (!allowPrivate && (host === "localhost" || host.endsWith(".localhost"))) return blocked("loopback");
  else {
    try {
      addresses = await resolve(host);
    } catch {
      addresses = [];
    }
    if (addresses.length === 0)
      return url.protocol === "http:"
        ? httpsOnly
        : { ok: false, reason: "unresolved", message: `The host ${url.hostname} could not be found.` };
  }
  const bad = addresses.find((a) => isBlockedAddress(a.address));
  if (bad && !allowPrivate) return blocked(bad.address);
  // Plain http only to a local receiver (tests, development), never across the internet.
  if (url.protocol === "http:" && !(allowPrivate && addresses.every((a) => isBlockedAddress(a.address))))
    return httpsOnly;
  return { ok: true, url, addresses };
}

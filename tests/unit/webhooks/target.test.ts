import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { checkWebhookTarget, isBlockedAddress, type Resolver } from "@/lib/webhooks/target";

// The SSRF guard for webhook endpoints: which addresses are refused, and what a URL check says.

const dns =
  (table: Record<string, string[]>): Resolver =>
  async (host) => {
    const found = table[host];
    if (!found) throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
    return found.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };

const setAllowPrivate = (value: string | undefined) => {
  if (value === undefined) delete process.env.STEWARD_WEBHOOKS_ALLOW_PRIVATE;
  else process.env.STEWARD_WEBHOOKS_ALLOW_PRIVATE = value;
  resetEnvCache();
};
let saved: string | undefined;
beforeEach(() => {
  saved = process.env.STEWARD_WEBHOOKS_ALLOW_PRIVATE;
  setAllowPrivate(undefined);
});
afterEach(() => setAllowPrivate(saved));

describe("isBlockedAddress", () => {
  it.each([
    "127.0.0.1",
    "127.255.255.254",
    "10.0.0.1",
    "10.255.255.255",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.10",
    "169.254.169.254",
    "169.254.0.1",
    "0.0.0.0",
    "100.64.0.1",
    "::1",
    "::",
    "::ffff:127.0.0.1",
    "::ffff:169.254.169.254",
    "::ffff:7f00:1",
    "fc00::1",
    "fd00:ec2::254",
    "fe80::1",
    "fe80::1%eth0",
    "febf:ffff::1",
    "not-an-ip",
    // 6to4 (2002::/16) and Teredo (2001:0::/32) reach the IPv4 address they carry (issue 13, finding 10)
    "2002:7f00:0001::1", // 6to4 for 127.0.0.1
    "2002:a9fe:a9fe::", // 6to4 for 169.254.169.254
    "2002:c0a8:010a:1::5", // 6to4 for 192.168.1.10
    "2001:0:4136:e378:8000:63bf:80ff:fffe", // Teredo, client 127.0.0.1 (stored bit-inverted)
    "2001:0:4136:e378:8000:63bf:f5ff:fffe", // Teredo, client 10.0.0.1
    "2001:0:0a00:0001::1", // Teredo, server 10.0.0.1
    "2001::1", // Teredo, server 0.0.0.0 and client 255.255.255.254: both unroutable
  ])("refuses %s", (ip) => expect(isBlockedAddress(ip)).toBe(true));

  it.each([
    "93.184.216.34",
    "8.8.8.8",
    "172.15.255.255",
    "172.32.0.1",
    "192.169.0.1",
    "169.253.255.255",
    "11.0.0.1",
    "2606:2800:220:1:248:1893:25c8:1946",
    "2001:4860:4860::8888",
    "::ffff:8.8.8.8",
    "2002:0808:0808::1",
    "2001:0:4136:e378:8000:63bf:f7f7:f7f7",
  ])("allows the public address %s", (ip) => expect(isBlockedAddress(ip)).toBe(false));
});

describe("checkWebhookTarget", () => {
  const resolver = dns({
    "hooks.example.com": ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"],
    "internal.example.com": ["10.1.2.3"],
    "mixed.example.com": ["93.184.216.34", "192.168.0.7"],
    "metadata.example.com": ["169.254.169.254"],
    "v6local.example.com": ["fd12:3456::1"],
  });

  it("accepts an https URL whose host resolves to public addresses only, and returns them", async () => {
    const check = await checkWebhookTarget("https://hooks.example.com/steward", resolver);
    expect(check).toMatchObject({
      ok: true,
      addresses: [
        { address: "93.184.216.34", family: 4 },
        { address: "2606:2800:220:1:248:1893:25c8:1946", family: 6 },
      ],
    });
  });

  it.each([
    [
      "https://internal.example.com/hook",
      "internal.example.com points to a private or local network address (10.1.2.3); webhooks can only be sent to public internet addresses.",
    ],
    [
      "https://mixed.example.com/hook",
      "mixed.example.com points to a private or local network address (192.168.0.7); webhooks can only be sent to public internet addresses.",
    ],
    [
      "https://metadata.example.com/latest",
      "metadata.example.com points to a private or local network address (169.254.169.254); webhooks can only be sent to public internet addresses.",
    ],
    [
      "https://v6local.example.com/",
      "v6local.example.com points to a private or local network address (fd12:3456::1); webhooks can only be sent to public internet addresses.",
    ],
    [
      "https://127.0.0.1:8443/hook",
      "127.0.0.1 points to a private or local network address (127.0.0.1); webhooks can only be sent to public internet addresses.",
    ],
    [
      "https://[::1]/hook",
      "[::1] points to a private or local network address (::1); webhooks can only be sent to public internet addresses.",
    ],
    [
      "https://[::ffff:169.254.169.254]/",
      "[::ffff:a9fe:a9fe] points to a private or local network address (::ffff:a9fe:a9fe); webhooks can only be sent to public internet addresses.",
    ],
    [
      "https://0.0.0.0/hook",
      "0.0.0.0 points to a private or local network address (0.0.0.0); webhooks can only be sent to public internet addresses.",
    ],
    [
      "https://localhost/hook",
      "localhost points to a private or local network address (loopback); webhooks can only be sent to public internet addresses.",
    ],
    [
      "https://api.localhost/hook",
      "api.localhost points to a private or local network address (loopback); webhooks can only be sent to public internet addresses.",
    ],
    ["ftp://hooks.example.com/hook", "Use an https:// URL."],
    ["file:///etc/passwd", "Use an https:// URL."],
    ["gopher://hooks.example.com/", "Use an https:// URL."],
    ["http://hooks.example.com/hook", "Use an https:// URL."],
    [
      "https://user:pass@hooks.example.com/hook",
      "Leave the user name and password out of the URL; receivers check the signature instead.",
    ],
    ["hooks.example.com/hook", "Enter a full URL, e.g. https://erp.example.com/steward-webhooks."],
  ])("refuses %s", async (url, message) => {
    expect(await checkWebhookTarget(url, resolver)).toMatchObject({ ok: false, message });
  });

  it("reports a host that does not resolve as unresolved (not as private)", async () => {
    expect(await checkWebhookTarget("https://nowhere.example.com/hook", resolver)).toEqual({
      ok: false,
      reason: "unresolved",
      message: "The host nowhere.example.com could not be found.",
    });
  });

  it("with STEWARD_WEBHOOKS_ALLOW_PRIVATE=1, allows private targets and plain http to them, but not plain http across the internet", async () => {
    setAllowPrivate("1");
    expect(await checkWebhookTarget("http://127.0.0.1:4000/hook", resolver)).toMatchObject({ ok: true });
    expect(await checkWebhookTarget("https://internal.example.com/hook", resolver)).toMatchObject({ ok: true });
    expect(await checkWebhookTarget("http://hooks.example.com/hook", resolver)).toMatchObject({
      ok: false,
      message: "Use an https:// URL.",
    });
    setAllowPrivate("0");
    expect(await checkWebhookTarget("http://127.0.0.1:4000/hook", resolver)).toMatchObject({
      ok: false,
      reason: "private",
    });
  });
});

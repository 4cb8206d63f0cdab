import { afterEach, describe, expect, it } from "vitest";
import { clientAddress, SOCKET_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { SOCKET_ADDRESS_FLAG } from "@/lib/env";

// Issue 13, finding 2: X-Forwarded-For counts only past the operator's trusted proxies.
const request = (forwardedFor: string | null, socket = "203.0.113.9") =>
  new Headers({ ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}), [SOCKET_ADDRESS_HEADER]: socket });

describe("clientAddress", () => {
  afterEach(() => {
    delete process.env[SOCKET_ADDRESS_FLAG];
  });

  it("uses the connection's address and ignores X-Forwarded-For without trusted proxies", () => {
    process.env[SOCKET_ADDRESS_FLAG] = "1";
    expect(clientAddress(request("1.2.3.4"), 0)).toBe("203.0.113.9");
    expect(clientAddress(request("5.6.7.8, 1.2.3.4"), 0)).toBe("203.0.113.9");
    expect(clientAddress(new Headers({ "x-real-ip": "1.2.3.4" }), 0)).toBe("unknown");
  });

  it("takes the address just left of the trusted hops, whatever the client prepended", () => {
    process.env[SOCKET_ADDRESS_FLAG] = "1";
    // one proxy (the socket): it appended the client's real address
    expect(clientAddress(request("6.6.6.6, 198.51.100.7", "10.0.0.2"), 1)).toBe("198.51.100.7");
    // two proxies: the outer one appended the client, the inner one the outer proxy
    expect(clientAddress(request("6.6.6.6, 198.51.100.7, 10.0.0.1", "10.0.0.2"), 2)).toBe("198.51.100.7");
    // fewer entries than hops: the leftmost, which a trusted proxy wrote
    expect(clientAddress(request(null, "10.0.0.2"), 1)).toBe("10.0.0.2");
  });

  it("does not trust the socket header unless the app's own server set it", () => {
    expect(clientAddress(request(null, "1.2.3.4"), 0)).toBe("unknown");
    expect(clientAddress(request("6.6.6.6, 198.51.100.7"), 1)).toBe("198.51.100.7");
  });
});

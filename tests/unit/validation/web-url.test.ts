import { describe, expect, it } from "vitest";
import { isWebUrl, safeHref } from "@/lib/validation/web-url";
import { partnerSchema } from "@/lib/partners/schemas";

// Issue 13, finding 9: one http(s)-only rule for links, on the form and before rendering.
const NOT_WEB = [
  "javascript:alert(1)",
  "JAVASCRIPT:alert(1)",
  " javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox",
  "file:///etc/passwd",
  "//evil.example",
  "https:evil.example",
  "https:///evil",
  "http://",
  "https://exa mple.com",
  "https://example.com/\u0000",
  "ftp://example.com",
];

describe("isWebUrl", () => {
  it.each(NOT_WEB)("refuses %s", (url) => expect(isWebUrl(url)).toBe(false));
  it.each([
    "https://example.com",
    "http://example.com/a?b=c#d",
    "HTTPS://Example.com/Path",
    "https://xn--bcher-kva.example/",
  ])("accepts %s", (url) => expect(isWebUrl(url)).toBe(true));
  it("renders a stored non-web value as no link", () => {
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref(null)).toBeNull();
    expect(safeHref("https://example.com")).toBe("https://example.com");
  });
});

describe("the partner form", () => {
  const base = { name: "Acme", type: "DELIVERY", tier: "GOLD", region: "North" } as const;
  it.each(NOT_WEB.map((url) => url.trim()))("refuses the website %s with a clear message", (website) => {
    const result = partnerSchema.safeParse({ ...base, website });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ["website"], message: "The website must start with http:// or https://" }),
    ]);
  });
  it("keeps an https website and turns an empty one into null", () => {
    expect(partnerSchema.parse({ ...base, website: " https://acme.example " }).website).toBe("https://acme.example");
    expect(partnerSchema.parse({ ...base, website: "" }).website).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { nextPathSchema, safeNextPath } from "@/lib/auth/safe-next";
import { loginSchema } from "@/lib/auth/login";

// Issue 13, finding 3: after sign-in, only a same-site path is followed, normalised.
describe("safeNextPath", () => {
  it.each([
    "//evil.example/phish",
    "/.//evil.example/phish",
    "/x/..//evil.example",
    "/ok/../..//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "\\/evil.example",
    "/./\\evil.example",
    "https://evil.example/",
    "http:evil.example",
    "javascript:alert(1)",
    "/\tx//evil.example",
    "\n//evil.example",
  ])("refuses %s", (next) => {
    expect(safeNextPath(next)).toBeUndefined();
  });

  it.each([
    ["/t/northwind/incidents", "/t/northwind/incidents"],
    ["/t/northwind/partners?sort=name#top", "/t/northwind/partners?sort=name#top"],
    ["/x/../t/northwind", "/t/northwind"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%5Cevil.example", "/%5Cevil.example"],
    ["t/northwind", "/t/northwind"],
  ])("keeps %s as %s", (next, path) => {
    expect(safeNextPath(next)).toBe(path);
  });

  it("ignores a missing or non-string value", () => {
    expect(safeNextPath(undefined)).toBeUndefined();
    expect(safeNextPath(["/t"])).toBeUndefined();
  });
});

describe("the sign-in form's next field", () => {
  const form = loginSchema.extend({ next: nextPathSchema });
  const login = { email: "a@b.test", password: "x" };
  it("is optional, keeps a safe path and drops an unsafe one", () => {
    expect(form.parse(login).next).toBeUndefined();
    expect(form.parse({ ...login, next: undefined }).next).toBeUndefined();
    expect(form.parse({ ...login, next: "/t/a/../b" }).next).toBe("/t/b");
    expect(form.parse({ ...login, next: "/.//evil.example" }).next).toBeUndefined();
  });
});

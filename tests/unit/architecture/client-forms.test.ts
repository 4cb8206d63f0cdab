import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repositoryRoot, sourceFiles } from "./source-files";

// A client component's form is a <Form> (components/forms/form.tsx), never a plain <form>: only Form keeps what was
// typed into its controlled fields before the page's scripts ran (components/forms/early-input.ts).

const THE_FORM = "components/forms/form.tsx";
const PLAIN_FORM = /<form[\s>]/;
const CLIENT = /^\s*["']use client["']/;

describe("forms in client components", () => {
  const clientFiles = ["app", "components"]
    .flatMap(sourceFiles)
    .filter((file) => file.endsWith(".tsx") && CLIENT.test(readFileSync(path.join(repositoryRoot, file), "utf8")));
  const withPlainForm = (file: string) => PLAIN_FORM.test(readFileSync(path.join(repositoryRoot, file), "utf8"));

  it("are Form, which keeps what was typed before hydration", () => {
    expect(clientFiles.filter((file) => file !== THE_FORM && withPlainForm(file))).toEqual([]);
  });

  it("are recognised by the check", () => {
    expect(clientFiles.length).toBeGreaterThan(50);
    expect(
      clientFiles.filter((file) => /<Form[\s>]/.test(readFileSync(path.join(repositoryRoot, file), "utf8"))).length,
    ).toBeGreaterThan(30);
    expect(withPlainForm(THE_FORM)).toBe(true);
    expect(PLAIN_FORM.test('<form\n  aria-label="x"')).toBe(true);
    expect(PLAIN_FORM.test("<FormMessage>")).toBe(false);
  });
});

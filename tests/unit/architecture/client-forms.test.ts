import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repositoryRoot, sourceFiles } from "./source-files";

// What is typed into a client component's controls before the page hydrates is kept only inside a Form
// (components/forms/form.tsx) or an element that carries useEarlyInput's ref (components/forms/early-input.ts).

const THE_FORM = "components/forms/form.tsx";
const PLAIN_FORM = /<form[\s>]/;
const CONTROLLED = /\b(value|checked)=\{/;
const KEEPS_EARLY_INPUT = /<Form[\s>]|<AuthForm[\s>]|useEarlyInput\b/;
// Shared fields: each is only ever rendered inside a Form or a useEarlyInput container of the component using it.
const FIELDS = new Set(["components/forms/radio-choices.tsx", "components/forms/survey-fields.tsx"]);
const CLIENT = /^\s*["']use client["']/;

describe("controls in client components", () => {
  // each client file's source, read once
  const sourceOf = new Map(
    ["app", "components"]
      .flatMap(sourceFiles)
      .filter((file) => file.endsWith(".tsx"))
      .map((file) => [file, readFileSync(path.join(repositoryRoot, file), "utf8")] as const)
      .filter(([, source]) => CLIENT.test(source)),
  );
  const clientFiles = [...sourceOf.keys()];
  const read = (file: string) => sourceOf.get(file) ?? "";

  it("sit in a Form, never a plain <form>", () => {
    expect(clientFiles.filter((file) => file !== THE_FORM && PLAIN_FORM.test(read(file)))).toEqual([]);
  });

  it("that are controlled sit in a Form or a useEarlyInput container", () => {
    const uncovered = clientFiles.filter(
      (file) => CONTROLLED.test(read(file)) && !KEEPS_EARLY_INPUT.test(read(file)) && !FIELDS.has(file),
    );
    expect(uncovered).toEqual([]);
  });

  it("are recognised by the check", () => {
    expect(clientFiles.length).toBeGreaterThan(50);
    expect(clientFiles.filter((file) => KEEPS_EARLY_INPUT.test(read(file))).length).toBeGreaterThan(30);
    expect(PLAIN_FORM.test(read(THE_FORM))).toBe(true);
    for (const field of FIELDS) expect(clientFiles).toContain(field);
    expect(PLAIN_FORM.test('<form\n  aria-label="x"')).toBe(true);
    expect(PLAIN_FORM.test("<FormMessage>")).toBe(false);
    expect(KEEPS_EARLY_INPUT.test("<FormMessage>")).toBe(false);
  });
});

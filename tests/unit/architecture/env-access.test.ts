import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repositoryRoot as root, sourceFiles } from "./source-files";

// Issue 14: every environment variable is read through lib/env.ts, which validates it once and lists it for the
// README's configuration table. A direct read elsewhere skips both (a "30s" interval became NaN that way).

const SCANNED = ["lib", "app", "components"];
const THE_READER = "lib/env.ts";
const MENTIONS_PROCESS_ENV = /\bprocess\s*(\.\s*env\b|\[\s*["'`]env["'`]\s*\])/;

describe("reading the environment", () => {
  const files = SCANNED.flatMap(sourceFiles);
  const mentioning = files.filter((file) => MENTIONS_PROCESS_ENV.test(readFileSync(path.join(root, file), "utf8")));

  it("happens in lib/env.ts only, never in another file of lib/, app/ or components/", () => {
    expect(mentioning.filter((file) => file !== THE_READER)).toEqual([]);
  });

  it("is recognised by the check, in the one file allowed to do it and in the ways it can be written", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(mentioning).toContain(THE_READER);
    for (const read of ["process.env.PORT", 'process.env["PORT"]', "process .env[flag]", "process['env'].X"])
      expect(MENTIONS_PROCESS_ENV.test(read), read).toBe(true);
    expect(MENTIONS_PROCESS_ENV.test("env().PORT")).toBe(false);
  });
});

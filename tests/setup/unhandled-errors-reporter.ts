import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Reporter } from "vitest/reporters";

// Vitest fails a run on an error no test caught (a rejection after a test ended, a worker that crashed), yet its
// JSON report counts no failed test then. This reporter writes those errors where `npm test` reads them
// (scripts/test-all.mjs), so the closing summary names them instead of a bare "1 failed".
const OUTPUT = process.env.STEWARD_VITEST_UNHANDLED ?? "test-results/vitest-unhandled.json";

type ErrorWithTest = { name?: string; message?: string; stack?: string; VITEST_TEST_PATH?: string };

export default class UnhandledErrorsReporter implements Reporter {
  onTestRunEnd: Reporter["onTestRunEnd"] = (_modules, unhandledErrors) => {
    const errors = (unhandledErrors as readonly ErrorWithTest[]).map((error) => ({
      name: error.name ?? "Error",
      message: error.message ?? "",
      test: error.VITEST_TEST_PATH?.replace(/^.*?(?=tests\/)/, "") ?? null,
      stack: (error.stack ?? "").split("\n").slice(0, 8).join("\n"),
    }));
    mkdirSync(dirname(OUTPUT), { recursive: true });
    writeFileSync(OUTPUT, JSON.stringify({ errors }, null, 2));
  };
}

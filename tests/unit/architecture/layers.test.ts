import { execFile } from "node:child_process";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

// The layer rules (.dependency-cruiser.cjs) run as `npm run lint:layers`. These tests run the same cruise: on the
// tree (it must be clean), and on a small tree that breaks each rule once (each rule must catch its breach).

const run = promisify(execFile);
const root = path.resolve(__dirname, "../../..");
const depcruise = path.join(root, "node_modules/.bin/depcruise");
const config = path.join(root, ".dependency-cruiser.cjs");

type Violation = { rule: { name: string }; from: string; to: string };

async function violations(cwd: string, paths: string[]): Promise<Violation[]> {
  const { stdout } = await run(depcruise, [...paths, "--config", config, "--output-type", "json"], {
    cwd,
    maxBuffer: 256 * 1024 * 1024,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" })); // exit code 1 when rules are broken
  return (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

describe("layer rules", () => {
  const scratch: string[] = [];
  afterAll(() => Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true }))));

  it("the tree keeps every layer rule", async () => {
    const found = await violations(root, ["app", "components", "lib", "scripts", "bench", "tests"]);
    expect(found.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });

  it("each rule catches its breach", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "steward-layers-"));
    scratch.push(dir);
    const files: Record<string, string> = {
      "tsconfig.json": JSON.stringify({
        compilerOptions: { baseUrl: ".", paths: { "@/*": ["./*"] }, jsx: "react-jsx" },
      }),
      "app/t/page.tsx": 'import { db } from "@/lib/db/scope";\nexport default function Page() { return db; }\n',
      "app/t/actions.ts": "export const action = 1;\n",
      "lib/db/scope.ts": "export const db = 1;\n",
      "lib/report.ts":
        'import { Chart } from "@/components/chart";\nimport { action } from "@/app/t/actions";\nexport const r = [Chart, action];\n',
      "lib/a.ts": 'import { b } from "./b";\nexport const a = () => b;\n',
      "lib/b.ts": 'import type { a } from "./a";\nexport const b = 1;\nexport type B = typeof a;\n',
      "components/chart.tsx": 'import { action } from "@/app/t/actions";\nexport const Chart = action;\n',
      "components/nav.tsx": 'import { db } from "@/lib/db/scope";\nexport const Nav = db;\n',
      "lib/value/models/fit.ts":
        'import { db } from "@/lib/db/scope";\nimport { pure } from "./pure";\nexport const fit = [db, pure];\n',
      "lib/value/models/pure.ts": "export const pure = 1;\n",
    };
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    }
    const found = await violations(dir, ["app", "components", "lib"]);
    const byRule = (name: string) =>
      found
        .filter((v) => v.rule.name === name)
        .map((v) => `${v.from} → ${v.to}`)
        .sort();
    expect(byRule("lib-imports-ui")).toEqual([
      "lib/report.ts → app/t/actions.ts",
      "lib/report.ts → components/chart.tsx",
    ]);
    expect(byRule("components-import-app")).toEqual(["components/chart.tsx → app/t/actions.ts"]);
    expect(byRule("page-imports-db")).toEqual(["app/t/page.tsx → lib/db/scope.ts"]);
    expect(byRule("component-imports-db")).toEqual(["components/nav.tsx → lib/db/scope.ts"]);
    expect(byRule("value-models-impure")).toEqual(["lib/value/models/fit.ts → lib/db/scope.ts"]);
    expect(byRule("no-circular").length).toBeGreaterThan(0); // lib/a.ts ⇄ lib/b.ts (the type-only side counts)
  });
});

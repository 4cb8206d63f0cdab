import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Each case runs in a child process: a process cannot raise its own priority back, so lowering this one would slow
// the rest of the suite. The child prints the nice value of each of its threads, keyed by thread id.

async function niceValuesAfter(
  script: string,
  env: Record<string, string> = {},
  options: { ownSession?: boolean } = {},
) {
  // a file, not --eval: worker threads inherit the process's flags, and --input-type refuses to start them
  const file = join(mkdtempSync(join(tmpdir(), "steward-priority-")), "child.mjs");
  writeFileSync(file, `${script}\n${PRINT_NICE_VALUES}`);
  // spawn, not execFile: execFile does not pass `detached` on
  const child = spawn(process.execPath, ["--import", "tsx", file], {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    timeout: 60_000,
    detached: options.ownSession ?? false, // setsid(2): the child leads a session, and an autogroup, of its own
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const code = await new Promise((resolve) => child.on("close", resolve));
  // What the child threw goes into the failure itself: a CI log keeps only the start of each failure's line, and node
  // prints the throwing source line and a caret before the error, so the error's own line comes first here.
  if (code !== 0) {
    const lines = stderr.trim().split("\n");
    const thrown = lines.find((line) => /^\w*Error\b/.test(line.trim()));
    throw new Error(`the child exited with ${code}: ${[thrown, ...lines.slice(0, 3)].filter(Boolean).join(" / ")}`);
  }
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as {
    main: number;
    threads: Record<string, number>;
    autogroup: string | null;
  };
}

const PRINT_NICE_VALUES = `
const { readdirSync, readFileSync } = await import("node:fs");
const { getPriority } = await import("node:os");
const threads = Object.fromEntries(readdirSync("/proc/self/task").map((tid) => [tid, getPriority(Number(tid))]));
let autogroup = null;
try { autogroup = readFileSync("/proc/self/autogroup", "utf8").trim(); } catch {}
console.log(JSON.stringify({ main: getPriority(process.pid), threads, autogroup }));
process.exit(0);
`;

const module = (path: string) => JSON.stringify(`${process.cwd()}/${path}`);

const ownAutogroup = () => {
  try {
    return readFileSync("/proc/self/autogroup", "utf8").trim();
  } catch {
    return null;
  }
};
const autogroupsOn = (() => {
  try {
    return readFileSync("/proc/sys/kernel/sched_autogroup_enabled", "utf8").trim() === "1" && ownAutogroup() !== null;
  } catch {
    return false;
  }
})();

describe.runIf(process.platform === "linux")("the job worker's CPU priority (STEWARD_WORKER_NICE)", () => {
  it("lowers every thread of a worker-only process, and the threads it starts later", async () => {
    const { main, threads } = await niceValuesAfter(`
      const { lowerProcessPriority } = await import(${module("lib/jobs/priority.ts")});
      lowerProcessPriority(7);
      const { Worker } = await import("node:worker_threads");
      const later = new Worker("setInterval(() => {}, 1000)", { eval: true });
      await new Promise((resolve) => later.once("online", resolve));
    `);
    expect(main).toBe(7);
    expect(Object.keys(threads).length).toBeGreaterThan(4);
    expect(new Set(Object.values(threads))).toEqual(new Set([7]));
  });

  it("lowers only the job thread beside a main loop that serves the embedded database", async () => {
    const { main, threads } = await niceValuesAfter(
      `
      const { runInThread } = await import(${module("lib/jobs/threads.ts")});
      // an unknown job fails inside the thread, once the thread has started and lowered itself
      await runInThread("no.such-job", {}, {}).catch(() => undefined);
    `,
      { STEWARD_WORKER_NICE: "6" },
    );
    expect(main).toBe(0);
    const lowered = Object.values(threads).filter((nice) => nice !== 0);
    expect(lowered).toEqual([6]);
  });

  it("leaves a thread already lower than asked as it is (raising it back needs privileges)", async () => {
    const { main } = await niceValuesAfter(`
      const { lowerProcessPriority } = await import(${module("lib/jobs/priority.ts")});
      lowerProcessPriority(12);
      lowerProcessPriority(3);
    `);
    expect(main).toBe(12);
  });

  describe.runIf(autogroupsOn)("where Linux schedules each session as a group (autogroup)", () => {
    it("lowers its session's group too when the worker leads a session of its own", async () => {
      const { main, autogroup } = await niceValuesAfter(
        `
        const { lowerProcessPriority } = await import(${module("lib/jobs/priority.ts")});
        if (lowerProcessPriority(9).autogroup !== "lowered") throw new Error("the autogroup was not lowered");
      `,
        {},
        { ownSession: true },
      );
      expect(main).toBe(9);
      expect(autogroup).toMatch(/ nice 9$/);
      expect(autogroup?.split(" ")[0]).not.toBe(ownAutogroup()?.split(" ")[0]);
    });

    it("leaves a group already lower than asked as it is", async () => {
      const { main, autogroup } = await niceValuesAfter(
        `
        const { lowerProcessPriority } = await import(${module("lib/jobs/priority.ts")});
        lowerProcessPriority(12);
        const outcome = lowerProcessPriority(5).autogroup;
        if (outcome !== "already lower") throw new Error("unexpected: " + outcome);
      `,
        {},
        { ownSession: true },
      );
      expect(main).toBe(12);
      expect(autogroup).toMatch(/ nice 12$/);
    });

    it("leaves a session it shares with its launcher (and whatever else that starts) as it is", async () => {
      // A launcher leads a new session, whose group starts at nice 0, and starts the worker in it as a shell or npm
      // would. The session this suite runs in is not used: whatever started CI had lowered its group already, to an
      // unknown value that changed between runs.
      const worker = `
        const { getPriority } = await import("node:os");
        const { readFileSync } = await import("node:fs");
        const { lowerProcessPriority } = await import(${module("lib/jobs/priority.ts")});
        const outcome = lowerProcessPriority(9).autogroup;
        const autogroup = readFileSync("/proc/self/autogroup", "utf8").trim();
        console.log(JSON.stringify({ outcome, main: getPriority(process.pid), autogroup }));
      `;
      const result = (await niceValuesAfter(
        `
        const { spawnSync } = await import("node:child_process");
        // namespaced: the lines appended after this script declare readFileSync themselves
        const fs = await import("node:fs");
        const os = await import("node:os");
        const path = await import("node:path");
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "steward-priority-worker-")), "worker.mjs");
        fs.writeFileSync(file, ${JSON.stringify(worker)});
        const groupNow = () => fs.readFileSync("/proc/self/autogroup", "utf8").trim();
        const before = groupNow();
        const run = spawnSync(process.execPath, ["--import", "tsx", file], { encoding: "utf8", timeout: 50_000 });
        if (run.status !== 0) throw new Error("the worker exited with " + run.status + ": " + run.stderr);
        const started = JSON.parse(run.stdout.trim().split("\\n").at(-1));
        console.log(JSON.stringify({ before, after: groupNow(), worker: started, launcherNice: os.getPriority() }));
        process.exit(0);
      `,
        {},
        { ownSession: true },
      )) as unknown as {
        before: string;
        after: string;
        launcherNice: number;
        worker: { outcome: string; main: number; autogroup: string };
      };
      expect(result.before).toMatch(/ nice 0$/);
      // a runner started at a lower priority (nice -n 12 npm test) passes it on: the worker only ever lowers itself
      const main = Math.max(9, result.launcherNice);
      expect(result.worker).toEqual({ outcome: "not a session leader", main, autogroup: result.before });
      expect(result.after).toBe(result.before);
    });
  });
});

// `npm start` (next start), `npm run dev` (next dev) and `npm run worker`: prepares the database, then runs what
// STEWARD_ROLE (or --role=) asks for: Next.js as a child process (web), the job worker in this process (worker),
// or both (all, the default). On the embedded database this process holds the database and serves it to Next.js
// through a unix socket, and the worker's CPU-heavy jobs run in a worker thread so this loop stays free.
import { spawn } from "node:child_process";
import { env } from "../lib/env";
import { type AutogroupOutcome, lowerProcessPriority } from "../lib/jobs/priority";
import { prepareRuntime, type Runtime } from "./runtime";

export type Role = "web" | "worker" | "all";

export function roleFromArgs(argv = process.argv): Role {
  const flag = argv.find((a) => a.startsWith("--role="))?.slice("--role=".length);
  if (flag === "web" || flag === "worker" || flag === "all") return flag;
  if (flag) throw new Error(`--role must be web, worker or all (got ${JSON.stringify(flag)})`);
  return env().STEWARD_ROLE;
}

/** Starts the job worker in this process (see lib/jobs/worker.ts); returns its stop function. */
async function startWorker(runtime: Runtime): Promise<() => Promise<void>> {
  const { connectDatabase, disconnectDatabase } = await import("../lib/db/client");
  const { startJobWorker } = await import("../lib/jobs/worker");
  const { resetEnvCache } = await import("../lib/env");
  // The worker runs with the environment the web server gets (the local mailbox's SMTP_URL, a test's intervals).
  Object.assign(process.env, runtime.childEnv);
  resetEnvCache();
  connectDatabase(runtime.databaseUrl);
  const worker = await startJobWorker();
  console.log("Job worker: running");
  return async () => {
    await worker.stop().catch(() => undefined);
    await disconnectDatabase();
  };
}

export async function runRole(runtime: Runtime, role: Role, mode: "start" | "dev", onListening?: () => void) {
  // A worker-only process yields the CPU to web servers on the same machine (with `all`, only the job thread does).
  if (role === "worker") lowerWorkerPriority();
  const stopWorker = role === "web" ? null : await startWorker(runtime);
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    next?.kill("SIGTERM");
    await stopWorker?.();
    await runtime.embedded?.stop().catch(() => undefined);
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  const next = role === "worker" ? null : runNext(runtime, mode, onListening, (code) => void stop(code));
  if (!next) onListening?.();
}

let workerPriorityLowered = false;

/** Lowers a worker-only process once, however many of its starting paths ask (serve.ts's own start asks first). */
function lowerWorkerPriority() {
  if (workerPriorityLowered) return;
  workerPriorityLowered = true;
  explainPriority(lowerProcessPriority(env().STEWARD_WORKER_NICE).autogroup);
}

/** Where Linux schedules each session as a group, a nice value holds only within the worker's own session: say so. */
function explainPriority(autogroup: AutogroupOutcome) {
  if (autogroup !== "not a session leader") return;
  console.log(
    "Job worker: its lower CPU priority (STEWARD_WORKER_NICE) holds only within its session (Linux autogroup): " +
      "start node in a session of its own (setsid node --import tsx scripts/serve.ts --role=worker, or a service " +
      "manager's ExecStart) for it to yield the CPU to web servers in other sessions.",
  );
}

function runNext(
  runtime: Runtime,
  mode: "start" | "dev",
  onListening: (() => void) | undefined,
  onExit: (code: number) => void,
) {
  const port = String(env().PORT);
  // scripts/next-server.mjs rather than `next start`: it passes each connection's address on.
  const next = spawn(process.execPath, ["scripts/next-server.mjs", ...(mode === "dev" ? ["--dev"] : [])], {
    env: { ...runtime.childEnv, PORT: port, NODE_ENV: mode === "dev" ? "development" : "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  next.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (onListening && /Ready in|started server/i.test(chunk.toString())) {
      onListening();
      onListening = undefined;
    }
  });
  next.on("exit", (code) => onExit(code ?? 0));
  return next;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const role = roleFromArgs();
  // Before the database is prepared and the worker's modules load: a worker starting beside a web server that already
  // answers (a deploy, a restart) must not take the CPU from it for those seconds either.
  if (role === "worker") lowerWorkerPriority();
  await runRole(await prepareRuntime(), role, process.argv.includes("--dev") ? "dev" : "start");
}

// `npm start` (next start) and `npm run dev` (next dev): prepares the database, then runs
// Next.js as a child process that reaches the embedded database through its unix socket.
import { spawn } from "node:child_process";
import { env } from "../lib/env";
import { prepareRuntime, type Runtime } from "./runtime";

export function runNext(runtime: Runtime, mode: "start" | "dev", onListening?: () => void) {
  const port = String(env().PORT);
  const next = spawn(process.execPath, ["node_modules/next/dist/bin/next", mode, "-p", port], {
    env: runtime.childEnv,
    stdio: ["ignore", "pipe", "inherit"],
  });
  next.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (onListening && /Ready in|started server/i.test(chunk.toString())) {
      onListening();
      onListening = undefined;
    }
  });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    next.kill("SIGTERM");
    await runtime.embedded?.stop().catch(() => undefined);
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  next.on("exit", (code) => void stop(code ?? 0));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runNext(await prepareRuntime(), process.argv.includes("--dev") ? "dev" : "start");
}

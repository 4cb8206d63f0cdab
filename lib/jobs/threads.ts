import { Piscina } from "piscina";
import { env } from "@/lib/env";
import type { JobContext } from "./types";
import type { QueueName } from "./queues";

// One worker thread for CPU-heavy jobs (the BG/NBD fit and scoring, PDF rendering): the thread has its own
// event loop and database connection, so the process's main loop keeps answering (on the embedded database,
// it serves every query of the web server).

const state = globalThis as unknown as { stewardJobThreads?: Piscina };

function pool(): Piscina {
  state.stewardJobThreads ??= new Piscina({
    filename: new URL("./thread-bootstrap.mjs", import.meta.url).href,
    minThreads: 1,
    maxThreads: 1,
    idleTimeout: 60_000,
    // read by ./thread-bootstrap.mjs, which lowers the thread before it loads the jobs' code (./priority.ts)
    workerData: { nice: env().STEWARD_WORKER_NICE },
  });
  return state.stewardJobThreads;
}

export function runInThread(name: QueueName, data: Record<string, unknown>, context: JobContext): Promise<unknown> {
  return pool().run({ name, data, context });
}

export async function stopThreads() {
  const current = state.stewardJobThreads;
  state.stewardJobThreads = undefined;
  await current?.destroy();
}

// Runs inside a piscina worker thread (./threads.ts): one job's handler, with the thread's own database pool.
import { HANDLERS } from "./handlers";
import type { JobContext } from "./types";
import type { QueueName } from "./queues";

export default async function runJob(task: { name: QueueName; data: Record<string, unknown>; context: JobContext }) {
  const handler = await HANDLERS[task.name]();
  return handler(task.data, task.context);
}

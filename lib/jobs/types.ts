import type { QueueName } from "./queues";

/** What a handler gets besides the job's data. */
export type JobContext = { id: string; name: QueueName; retryCount: number };
export type JobHandler = (data: Record<string, unknown>, context: JobContext) => Promise<unknown>;

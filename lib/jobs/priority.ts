import { readdirSync } from "node:fs";
import { getPriority, setPriority } from "node:os";

// The job worker's CPU work (fits, scoring, PDF rendering) yields the CPU to the web server on a machine they share:
// its threads run at a Unix nice value above the web server's (env STEWARD_WORKER_NICE). Linux keeps the nice value
// per thread (setpriority(2), BUGS), which lets the embedded database's serving thread stay at full priority while
// the job thread beside it is lowered.

/** Lowers every thread of this process (a worker-only process: `npm run worker`, STEWARD_ROLE=worker). */
export function lowerProcessPriority(nice: number) {
  if (process.platform !== "linux") return lower(0, nice);
  // Threads started later (the job thread, libuv's pool) inherit the nice value of the thread that starts them;
  // those V8 started before this runs do not, so each is set by its id.
  for (const tid of readdirSync("/proc/self/task")) lower(Number(tid), nice);
}

/** Lowers only the calling thread (the job thread beside the main loop); elsewhere than Linux it would be the process. */
export function lowerThreadPriority(nice: number) {
  if (process.platform === "linux") lower(0, nice);
}

function lower(id: number, nice: number) {
  try {
    // Raising priority again needs privileges, so a thread already lower is left as it is.
    if (getPriority(id) < nice) setPriority(id, nice);
  } catch {
    // The thread ended between the listing and the call: nothing to lower.
  }
}

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { getPriority, setPriority } from "node:os";

// The job worker's CPU work (fits, scoring, PDF rendering) yields the CPU to the web server on a machine they share:
// its threads run at a Unix nice value above the web server's (env STEWARD_WORKER_NICE). Linux keeps the nice value
// per thread (setpriority(2), BUGS), which lets the embedded database's serving thread stay at full priority while
// the job thread beside it is lowered.

/** Lowers every thread of this process (a worker-only process: `npm run worker`, STEWARD_ROLE=worker). */
export function lowerProcessPriority(nice: number): { autogroup: AutogroupOutcome } {
  if (process.platform !== "linux") {
    lower(0, nice);
    return { autogroup: "none" };
  }
  // Threads started later (the job thread, libuv's pool) inherit the nice value of the thread that starts them;
  // those V8 started before this runs do not, so each is set by its id.
  for (const tid of readdirSync("/proc/self/task")) lower(Number(tid), nice);
  return { autogroup: lowerOwnAutogroup(nice) };
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

export type AutogroupOutcome = "none" | "lowered" | "already lower" | "not a session leader";

/**
 * Linux's autogroup (sched(7)) schedules each session as one group, weighted like any other whatever the nice values
 * of its threads. A worker in a session of its own therefore competed with the web server's session as an equal, nice
 * value or not: while it recomputed, the web server's main thread waited 96-108 ms a second for a CPU (65-82 ms once
 * the group was lowered; 39-49 ms at idle, bench/responsiveness.ts). So the group's own nice value is lowered as
 * well, but only when this process leads its session (started with setsid, detached, or by a service manager that
 * runs node itself): a session led by a shell or a launcher may hold, now or later, processes that must not be
 * lowered with it, the web server among them.
 */
function lowerOwnAutogroup(nice: number): AutogroupOutcome {
  const own = autogroupNice();
  if (own === null) return "none";
  if (own >= nice) return "already lower";
  if (!leadsOwnSession()) return "not a session leader";
  try {
    writeFileSync("/proc/self/autogroup", String(nice));
    return "lowered";
  } catch {
    return "none"; // the kernel allows one change per 100 ms to unprivileged processes; the threads are lowered still
  }
}

function autogroupNice(): number | null {
  try {
    const match = / nice (-?\d+)/.exec(readFileSync("/proc/self/autogroup", "utf8"));
    return match ? Number(match[1]) : null;
  } catch {
    return null; // a kernel without autogroup
  }
}

/** Whether this process's session id (/proc/self/stat, field 6) is its own id. */
function leadsOwnSession(): boolean {
  const stat = readFileSync("/proc/self/stat", "utf8");
  // the command name is in parentheses and may hold spaces: the fields after it are counted from its end
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[3]) === process.pid;
}

// A worker thread's entry for scoreBgnbdInParallel (./pair-terms-in-thread.ts): TypeScript and the "@/" paths are
// registered in the thread itself, as in lib/jobs/thread-bootstrap.mjs; the code is loaded while the recompute reads
// the history, then the thread computes the terms of the pairs it is sent, once.
import { getPriority, setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

// The lowest priority there is (Linux keeps it per thread): the second core is borrowed, and whatever else wants it
// (the web server, the database serving it) comes first.
if (process.platform === "linux" && getPriority(0) < 19) setPriority(0, 19);

register({ tsconfig: new URL("../../tsconfig.json", import.meta.url).pathname });
const { pairTerms } = await import("./tenant-models.ts");
parentPort.once("message", ({ params, pairs, settings }) => {
  const terms = pairTerms(params, pairs, ...settings);
  parentPort.postMessage(terms, [terms.buffer]);
});

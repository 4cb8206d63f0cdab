import { Worker } from "node:worker_threads";
import type { BgnbdParams } from "./models/bgnbd";
import type { PairKeys, TermSettings } from "./tenant-models";

/**
 * A worker thread for half of the recompute's pairTerms (scoreBgnbdInParallel): the scoring keeps one core busy while
 * the database waits, so half of the (x, T) pairs go to the other. Started before the history is read, so that
 * loading its code (0.3-0.6 s) is done by the time it is needed; it serves one call, and `stop` ends it in any case.
 */
export function startPairTermsThread() {
  const worker = new Worker(new URL("./pair-terms-thread.mjs", import.meta.url));
  const ended = new Promise<never>((_, reject) => {
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the scoring thread ended (exit code ${code}) without its terms`)));
  });
  ended.catch(() => undefined); // only a pending run reports it
  return {
    run(params: BgnbdParams, pairs: PairKeys, settings: TermSettings): Promise<Float64Array> {
      const answer = new Promise<Float64Array>((resolve) => worker.once("message", resolve));
      worker.postMessage({ params, pairs: { x: pairs.x, T: pairs.T }, settings });
      return Promise.race([answer, ended]);
    },
    stop: () => worker.terminate(),
  };
}

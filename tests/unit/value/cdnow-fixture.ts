/**
 * Locates and summarises the CDNOW sample (Fader & Hardie) for the validation tests. The
 * file lives outside the repo, in the shared data folder next to it.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CDNOW_CALIBRATION_END, CDNOW_HOLDOUT_END, cdnowTransactions, parseCdnow } from "@/lib/value/models/cdnow";
import { summarizeTransactions } from "@/lib/value/models/rfm";
import type { TimeUnit } from "@/lib/value/models/time-units";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const candidates = [
  process.env.CDNOW_SAMPLE_PATH,
  resolve(repoRoot, "../shared/data/cdnow/CDNOW_sample.txt"),
  "/work/shared/data/cdnow/CDNOW_sample.txt",
].filter((p): p is string => Boolean(p));

export const cdnowSamplePath = candidates.find((p) => existsSync(p));

function loadCdnowRecords() {
  if (!cdnowSamplePath) throw new Error(`CDNOW_sample.txt not found; looked in ${candidates.join(", ")}`);
  return parseCdnow(readFileSync(cdnowSamplePath, "utf8"));
}

export function cdnowSummary(unit: TimeUnit) {
  return summarizeTransactions(cdnowTransactions(loadCdnowRecords()), {
    calibrationEnd: CDNOW_CALIBRATION_END,
    holdoutEnd: CDNOW_HOLDOUT_END,
    unit,
  });
}

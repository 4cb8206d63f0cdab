/**
 * Customer-lifetime-value engine: pure TypeScript, no I/O.
 *
 * Typical flow: transactions → summarizeTransactions (rfm.ts) → fitBgnbd + fitGammaGamma →
 * customerLifetimeValues (clv.ts). Contractual businesses with a known retention rate can
 * use retentionClv directly.
 */
export { retentionClv, type RetentionClvInput } from "./retention-clv";
export {
  summarizeTransactions,
  summarizeTransactionColumns,
  type CustomerSummary,
  type SummaryOptions,
  type Transaction,
  type TransactionColumns,
} from "./rfm";
export { DAYS_PER_MONTH, daysPerUnit, daysToUnits, monthInUnits, type TimeUnit } from "./time-units";
export {
  bgnbdLogLikelihood,
  fitBgnbd,
  LOG_PARAM_BOUND,
  type BgnbdData,
  type BgnbdFit,
  type BgnbdFitOptions,
  type BgnbdParams,
} from "./bgnbd";
export {
  expectedPurchases,
  expectedPurchasesUnconditional,
  predictCustomers,
  probabilityAlive,
  probabilityOfPurchases,
  type CustomerPredictions,
} from "./bgnbd-predict";
export {
  expectedAverageMargin,
  fitGammaGamma,
  gammaGammaLogLikelihood,
  populationAverageMargin,
  type GammaGammaData,
  type GammaGammaFit,
  type GammaGammaFitOptions,
  type GammaGammaParams,
} from "./gamma-gamma";
export {
  customerLifetimeValue,
  customerLifetimeValues,
  discountedPurchases,
  monthlyDiscountFactors,
  type ClvCustomers,
  type ClvInput,
} from "./clv";
export { CDNOW_CALIBRATION_END, CDNOW_HOLDOUT_END, cdnowTransactions, parseCdnow, type CdnowRecord } from "./cdnow";
export { hyp2f1 } from "./hypergeometric";
export { digamma, lgamma } from "./special-functions";
export { mulberry32, sampleBeta, sampleGamma, simulateBgnbd, simulateGammaGammaMeans, type Random } from "./sampling";
export { benchmarkFit } from "./bench";

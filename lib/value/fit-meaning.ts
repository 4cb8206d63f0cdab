import type { TimeUnit } from "./models/time-units";

// What the fitted BG/NBD and Gamma-Gamma parameters say about an average customer, in figures a steward can read:
// the parameters themselves (r, α, a, b, p, q, γ) are shapes of distributions and mean nothing on their own.

const UNITS_PER_YEAR: Record<TimeUnit, number> = { days: 365.25, weeks: 365.25 / 7 };

export type FitMeaning = {
  /** Mean purchases a year of a customer while active: the purchase rate's mean r ÷ α, per time unit, scaled. */
  purchasesPerYear: number;
  /** Mean chance a customer drops out for good after a purchase: a ÷ (a + b). */
  dropoutAfterPurchase: number;
  /** Mean margin per purchase, p·γ ÷ (q − 1); null without a spend fit, or when q ≤ 1 (no finite mean). */
  marginPerPurchase: number | null;
};

export function fitMeaning(
  unit: TimeUnit,
  bgnbd: { r: number; alpha: number; a: number; b: number },
  gammaGamma: { p: number; q: number; gamma: number } | null | undefined,
): FitMeaning {
  return {
    purchasesPerYear: (bgnbd.r / bgnbd.alpha) * UNITS_PER_YEAR[unit],
    dropoutAfterPurchase: bgnbd.a / (bgnbd.a + bgnbd.b),
    marginPerPurchase: gammaGamma && gammaGamma.q > 1 ? (gammaGamma.p * gammaGamma.gamma) / (gammaGamma.q - 1) : null,
  };
}

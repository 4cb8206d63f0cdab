/**
 * Customer lifetime value in a contractual setting with constant retention (Gupta &
 * Lehmann's "simple" CLV): a customer pays margin m per period, survives each period with
 * probability r, and cash flows are discounted at d per period. With the first payment one
 * period from now:
 *
 *   CLV = Σ_{t≥1} m r^t / (1+d)^t = m r / (1 + d - r)
 *
 * e.g. m = 100, r = 0.8, d = 0.1 → 80 / 0.3 = 266.67.
 */
export interface RetentionClvInput {
  /** Margin per period, in currency units. May be negative (a loss-making customer). */
  margin: number;
  /** Per-period retention probability, 0 <= r < 1 (r = 1 would make the sum diverge). */
  retention: number;
  /** Per-period discount rate, d > -1 (and finite). */
  discountRate: number;
}

export function retentionClv({ margin, retention, discountRate }: RetentionClvInput): number {
  if (!Number.isFinite(margin)) throw new RangeError(`margin must be a finite number (got ${margin})`);
  if (!Number.isFinite(retention) || retention < 0 || retention >= 1) {
    throw new RangeError(`retention must be in [0, 1) (got ${retention})`);
  }
  if (!Number.isFinite(discountRate) || discountRate <= -1) {
    throw new RangeError(`discountRate must be finite and greater than -1 (got ${discountRate})`);
  }
  // The geometric series converges only if r / (1 + d) < 1.
  if (retention >= 1 + discountRate) {
    throw new RangeError(
      `retention (${retention}) must be less than 1 + discountRate (${1 + discountRate}) for the value to be finite`,
    );
  }
  return (margin * retention) / (1 + discountRate - retention);
}

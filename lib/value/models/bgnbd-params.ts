/** BG/NBD parameters, shared by the fitting and prediction modules. */
export interface BgnbdParams {
  /** Shape of the gamma distribution of purchase rates λ. */
  r: number;
  /** Rate parameter of that gamma, in the data's time unit (α_days = 7 α_weeks). */
  alpha: number;
  /** Dropout probability after each repeat purchase p ~ Beta(a, b). */
  a: number;
  b: number;
}

export function validateParams(p: BgnbdParams): void {
  for (const key of ["r", "alpha", "a", "b"] as const) {
    if (!(p[key] > 0) || !Number.isFinite(p[key])) {
      throw new RangeError(`BG/NBD parameter ${key} must be finite and > 0 (got ${p[key]})`);
    }
  }
}

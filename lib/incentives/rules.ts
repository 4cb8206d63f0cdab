/**
 * Incentive rules: pure functions that turn a published month into consequences (docs/incentives.md).
 *
 * - A **band** is the tier a month's score falls in (the highest tier whose minimum score it reaches).
 * - A partner's **tier** follows its bands with hysteresis: it moves to a new band only after that band held for
 *   `hysteresisMonths` consecutive published months (so a partner flapping between two bands stays put). A partner
 *   with no tier yet enters the band of its first scored month at once. A month without a score keeps the tier.
 * - The **bonus pool** (in minor units, cents) is shared in proportion to score × equity served among the partners
 *   whose score reaches the floor and who served customer equity; largest-remainder rounding makes the shares add up
 *   to the pool exactly. No eligible partner: nothing is paid, and the result says why.
 */
import { z } from "zod";

export type IncentiveTier = { name: string; minScore: number };

const tierSchema = z.object({
  name: z
    .string({ error: "Each tier needs a name" })
    .trim()
    .min(1, "Each tier needs a name")
    .max(40, "A tier name can be at most 40 characters"),
  minScore: z
    .number({ error: "A tier's minimum score must be a number" })
    .min(0, "A tier's minimum score must be between 0 and 100")
    .max(100, "A tier's minimum score must be between 0 and 100"),
});

export const DEFAULT_TIERS: IncentiveTier[] = [
  { name: "Platinum", minScore: 90 },
  { name: "Gold", minScore: 80 },
  { name: "Silver", minScore: 70 },
  { name: "Bronze", minScore: 55 },
  { name: "Watch", minScore: 0 },
];

/** The workspace's incentive rules (Tenant.settings.incentives). */
export const incentiveRulesSchema = z
  .object({
    tiers: z
      .array(tierSchema, { error: "Give the tiers as a list" })
      .min(2, "Give at least two tiers")
      .max(8, "Give at most eight tiers")
      .default(DEFAULT_TIERS),
    /** Consecutive published months in a new band before the tier moves to it. */
    hysteresisMonths: z
      .number({ error: "Months in a band must be a number" })
      .int("Months in a band must be a whole number")
      .min(1, "Months in a band must be at least 1")
      .max(12, "Months in a band can be at most 12")
      .default(2),
    /** The monthly bonus pool in the workspace currency (whole units with up to two decimals). */
    poolAmount: z
      .number({ error: "The bonus pool must be a number" })
      .min(0, "The bonus pool cannot be negative")
      .max(10_000_000, "The bonus pool can be at most 10,000,000")
      .default(10_000),
    /** Partners below this score get no share of the pool. */
    floorScore: z
      .number({ error: "The floor score must be a number" })
      .min(0, "The floor score must be between 0 and 100")
      .max(100, "The floor score must be between 0 and 100")
      .default(70),
  })
  .superRefine((rules, ctx) => {
    const names = rules.tiers.map((t) => t.name.toLowerCase());
    if (new Set(names).size !== names.length)
      ctx.addIssue({ code: "custom", path: ["tiers"], message: "Two tiers have the same name" });
    const mins = rules.tiers.map((t) => t.minScore);
    if (new Set(mins).size !== mins.length)
      ctx.addIssue({ code: "custom", path: ["tiers"], message: "Two tiers have the same minimum score" });
    if (!mins.includes(0))
      ctx.addIssue({
        code: "custom",
        path: ["tiers"],
        message: "The lowest tier must start at 0, so every score has a tier",
      });
  });

export type IncentiveRules = z.infer<typeof incentiveRulesSchema>;

export const DEFAULT_INCENTIVE_RULES: IncentiveRules = incentiveRulesSchema.parse({});

/** The tiers from best to worst (highest minimum score first). */
function sortedTiers(tiers: readonly IncentiveTier[]): IncentiveTier[] {
  return [...tiers].sort((a, b) => b.minScore - a.minScore);
}

/** The band a score falls in: the best tier whose minimum it reaches (a score equal to the minimum reaches it). */
export function bandFor(score: number | null, tiers: readonly IncentiveTier[]): string | null {
  if (score === null || !Number.isFinite(score)) return null;
  return sortedTiers(tiers).find((t) => score >= t.minScore)?.name ?? null;
}

export type TierDecision = {
  tier: string | null;
  changed: boolean;
  /** Consecutive months, ending with this one, in this month's band (0 when the month has no score). */
  streak: number;
  reason: string;
};

/**
 * The tier after this month. `bands` are the partner's bands of consecutive published months, oldest first, ending
 * with this month (a gap in the months must be left out by the caller: only the trailing consecutive run counts).
 */
export function nextTier(previousTier: string | null, bands: readonly (string | null)[], months: number): TierDecision {
  const current = bands.at(-1) ?? null;
  if (current === null)
    return { tier: previousTier, changed: false, streak: 0, reason: "No score this month: the tier stays" };
  let streak = 0;
  for (let i = bands.length - 1; i >= 0 && bands[i] === current; i--) streak++;
  if (previousTier === null)
    return { tier: current, changed: true, streak, reason: `First tier: entered at this month's band (${current})` };
  if (current === previousTier)
    return { tier: previousTier, changed: false, streak, reason: `Still in the ${current} band` };
  if (streak >= months)
    return {
      tier: current,
      changed: true,
      streak,
      reason: `${streak} consecutive month${streak === 1 ? "" : "s"} in the ${current} band (${months} needed)`,
    };
  return {
    tier: previousTier,
    changed: false,
    streak,
    reason: `${streak} of ${months} months in the ${current} band: the tier stays ${previousTier}`,
  };
}

export type PoolInput = { partnerId: string; score: number | null; equityServed: number | null };
type PoolShare = {
  partnerId: string;
  eligible: boolean;
  /** score × equity served (0 when not eligible). */
  weight: number;
  /** weight ÷ the eligible partners' total weight (0 to 1). */
  share: number;
  payoutCents: number;
  reason: string;
};
export type PoolResult = { poolCents: number; paidCents: number; shares: PoolShare[]; note: string | null };

/** Splits `poolCents` in proportion to score × equity served among partners at or above `floorScore`. */
export function poolShares(poolCents: number, partners: readonly PoolInput[], floorScore: number): PoolResult {
  if (!Number.isSafeInteger(poolCents) || poolCents < 0)
    throw new RangeError("The pool must be whole cents, 0 or more");
  const rows = partners.map((p) => {
    const scored = p.score !== null && Number.isFinite(p.score);
    const equity = p.equityServed !== null && Number.isFinite(p.equityServed) ? p.equityServed : 0;
    const eligible = scored && (p.score as number) >= floorScore && equity > 0;
    const reason = !scored
      ? "No score this month"
      : (p.score as number) < floorScore
        ? `Score below the floor of ${floorScore}`
        : equity <= 0
          ? "No customer equity served"
          : "Score × equity served";
    return { partnerId: p.partnerId, eligible, weight: eligible ? (p.score as number) * equity : 0, reason };
  });
  const total = rows.reduce((s, r) => s + r.weight, 0);
  if (total <= 0 || poolCents === 0) {
    const note =
      total <= 0
        ? `No partner scored at or above the floor of ${floorScore} with customer equity served: nothing is paid.`
        : "The bonus pool is 0: nothing is paid.";
    return {
      poolCents,
      paidCents: 0,
      shares: rows.map((r) => ({ ...r, share: total > 0 ? r.weight / total : 0, payoutCents: 0 })),
      note,
    };
  }
  const exact = rows.map((r) => (poolCents * r.weight) / total);
  const cents = exact.map((x) => Math.floor(x));
  let remainder = poolCents - cents.reduce((s, c) => s + c, 0);
  // Largest remainder first; ties to the larger weight, then the partner id, so the result is deterministic.
  const order = rows
    .map((_r, i) => i)
    .filter((i) => rows[i].eligible)
    .sort(
      (a, b) =>
        exact[b] - cents[b] - (exact[a] - cents[a]) ||
        rows[b].weight - rows[a].weight ||
        rows[a].partnerId.localeCompare(rows[b].partnerId),
    );
  for (let k = 0; remainder > 0 && order.length > 0; k = (k + 1) % order.length, remainder--) cents[order[k]]++;
  for (let k = order.length - 1; remainder < 0 && order.length > 0; k = (k - 1 + order.length) % order.length) {
    if (cents[order[k]] > 0) {
      cents[order[k]]--;
      remainder++;
    }
  }
  return {
    poolCents,
    paidCents: poolCents,
    shares: rows.map((r, i) => ({ ...r, share: r.weight / total, payoutCents: cents[i] })),
    note: null,
  };
}

/** A currency amount (e.g. 10000.5) as whole cents (1000050). */
export function toCents(amount: number): number {
  return Math.round(amount * 100);
}

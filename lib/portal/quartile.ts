/** Fewer peers than this and a quartile would all but name the others' standing: none is shown. */
export const MIN_PEERS_FOR_QUARTILE = 4;

export type Quartile = 1 | 2 | 3 | 4;

export const QUARTILE_LABELS: Record<Quartile, string> = {
  1: "Top quartile",
  2: "Second quartile",
  3: "Third quartile",
  4: "Bottom quartile",
};

/**
 * The quartile of a competition rank (1 = best) among peerCount ranked peers, from the share of peers that
 * scored strictly better: under 25% → 1, under 50% → 2, under 75% → 3, else 4. Null with too few peers.
 */
export function quartileOf(rank: number | null, peerCount: number | null): Quartile | null {
  if (rank === null || peerCount === null || peerCount < MIN_PEERS_FOR_QUARTILE) return null;
  if (!Number.isInteger(rank) || rank < 1 || rank > peerCount)
    throw new RangeError(`rank ${rank} is not within 1..${peerCount}`);
  return (Math.floor(((rank - 1) / peerCount) * 4) + 1) as Quartile;
}

/**
 * Validation and compression of BG/NBD input rows.
 *
 * The likelihood only depends on (x, t_x, T), and real data summarised in days or weeks
 * repeats those triples a lot (CDNOW: 2,357 customers, far fewer distinct rows), so
 * identical rows are merged into one with a weight. The grouping uses a small
 * open-addressing hash table on the raw float bits: a Map keyed by strings would cost more
 * than the whole fit on 200k continuous-time customers.
 */
import type { TimeUnit } from "./time-units";

export interface BgnbdData {
  /** Repeat purchases (non-negative integers). */
  x: ArrayLike<number>;
  /** Time of last purchase since the first (ignored when x = 0). */
  tx: ArrayLike<number>;
  /** Time from first purchase to the end of calibration. */
  T: ArrayLike<number>;
  /** Optional multiplicity of each row (for pre-aggregated data). */
  weight?: ArrayLike<number>;
  unit?: TimeUnit;
}

/** Unique (x, t_x, T) rows with weights, plus the distinct x values for per-x tables. */
export interface CompiledBgnbdData {
  x: Int32Array;
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  distinctX: Int32Array;
  maxX: number;
  totalWeight: number;
}

export function compileBgnbdData(data: BgnbdData): CompiledBgnbdData {
  const n = data.x.length;
  if (data.tx.length !== n || data.T.length !== n || (data.weight && data.weight.length !== n)) {
    throw new RangeError("x, tx, T (and weight) must have the same length");
  }
  const x = new Int32Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const weight = new Float64Array(n);
  const table = new RowTable(n);
  let rows = 0;
  let totalWeight = 0;
  let maxX = 0;
  for (let i = 0; i < n; i++) {
    const xi = data.x[i];
    const Ti = data.T[i] + 0; // + 0 turns -0 into 0 so equal values hash equally
    const txi = xi === 0 ? 0 : data.tx[i] + 0; // t_x carries no information when x = 0
    const wi = data.weight ? data.weight[i] : 1;
    if (!Number.isInteger(xi) || xi < 0) throw new RangeError(`x[${i}] must be a non-negative integer (got ${xi})`);
    if (!(Ti >= 0) || !Number.isFinite(Ti)) throw new RangeError(`T[${i}] must be finite and >= 0 (got ${Ti})`);
    if (!(txi >= 0 && txi <= Ti)) throw new RangeError(`tx[${i}] must be in [0, T] (got ${txi}, T=${Ti})`);
    if (!(wi >= 0) || !Number.isFinite(wi)) throw new RangeError(`weight[${i}] must be finite and >= 0 (got ${wi})`);
    if (wi === 0) continue;
    totalWeight += wi;
    const existing = table.findOrInsert(xi, txi, Ti, rows, x, tx, T);
    if (existing >= 0) {
      weight[existing] += wi;
      continue;
    }
    x[rows] = xi;
    tx[rows] = txi;
    T[rows] = Ti;
    weight[rows] = wi;
    maxX = Math.max(maxX, xi);
    rows++;
  }
  if (totalWeight === 0) throw new RangeError("BG/NBD needs at least one customer");

  const seen = new Uint8Array(maxX + 1);
  for (let i = 0; i < rows; i++) seen[x[i]] = 1;
  const distinct: number[] = [];
  for (let v = 0; v <= maxX; v++) if (seen[v]) distinct.push(v);
  return {
    x: x.slice(0, rows),
    tx: tx.slice(0, rows),
    T: T.slice(0, rows),
    weight: weight.slice(0, rows),
    distinctX: Int32Array.from(distinct),
    maxX,
    totalWeight,
  };
}

/** Open-addressing hash set of row indices, keyed by the exact bits of (x, t_x, T). */
class RowTable {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly bits = new Float64Array(1);
  private readonly words = new Uint32Array(this.bits.buffer);

  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }

  /** Index of the stored row equal to (x, tx, T), or -1 after recording `newRow` for it. */
  findOrInsert(
    x: number,
    tx: number,
    T: number,
    newRow: number,
    xs: Int32Array,
    txs: Float64Array,
    Ts: Float64Array,
  ): number {
    let slot = this.hash(x, tx, T) & this.mask;
    for (;;) {
      const row = this.slots[slot];
      if (row < 0) {
        this.slots[slot] = newRow;
        return -1;
      }
      if (xs[row] === x && txs[row] === tx && Ts[row] === T) return row;
      slot = (slot + 1) & this.mask;
    }
  }

  private hash(x: number, tx: number, T: number): number {
    let h = Math.imul(x ^ 0x9e3779b9, 0x85ebca6b);
    this.bits[0] = tx;
    h = Math.imul(h ^ this.words[0], 0xc2b2ae35) ^ this.words[1];
    this.bits[0] = T;
    h = Math.imul(h ^ this.words[0], 0x85ebca6b) ^ this.words[1];
    h ^= h >>> 16;
    h = Math.imul(h, 0x7feb352d);
    return (h ^ (h >>> 15)) >>> 0;
  }
}

import { formatMoney as money } from "@/lib/workspace/money";

/** Whole amounts in the workspace's currency ("$1,315,419"); "—" when unknown. */
export const formatMoney = (v: number | null | undefined, currency: string) => money(v, currency);
/** Amounts with cents ("$574.74"). */
export const formatMoney2 = (v: number | null | undefined, currency: string) => money(v, currency, { cents: true });
export const formatPercent = (v: number | null | undefined, digits = 0) =>
  v === null || v === undefined || !Number.isFinite(v) ? "—" : `${(v * 100).toFixed(digits)} %`;
export const formatDate = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : "—");
export const formatNumber = (v: number, digits = 3) =>
  Number.isFinite(v) ? Number(v.toPrecision(digits)).toLocaleString("en") : "—";

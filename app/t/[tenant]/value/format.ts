export const formatMoney = (v: number | null | undefined) =>
  v === null || v === undefined || !Number.isFinite(v) ? "—" : v.toLocaleString("en", { minimumFractionDigits: 0, maximumFractionDigits: 0 });
export const formatMoney2 = (v: number | null | undefined) =>
  v === null || v === undefined || !Number.isFinite(v) ? "—" : v.toLocaleString("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const formatPercent = (v: number | null | undefined, digits = 0) =>
  v === null || v === undefined || !Number.isFinite(v) ? "—" : `${(v * 100).toFixed(digits)} %`;
export const formatDate = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : "—");
export const formatNumber = (v: number, digits = 3) => (Number.isFinite(v) ? Number(v.toPrecision(digits)).toLocaleString("en") : "—");

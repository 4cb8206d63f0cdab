// Money is shown in the workspace's currency (Tenant.settings.workspace.currency), the same way
// on every page: whole amounts by default, cents where a single payment is shown, and compact
// ("$680K") on dashboard tiles and chart axes.

type MoneyStyle = { cents?: boolean; compact?: boolean };

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, style: MoneyStyle): Intl.NumberFormat {
  const key = `${currency}:${style.cents ? "c" : ""}${style.compact ? "k" : ""}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat("en", {
      style: "currency",
      currency,
      ...(style.compact
        ? { notation: "compact", maximumFractionDigits: 1 }
        : { minimumFractionDigits: style.cents ? 2 : 0, maximumFractionDigits: style.cents ? 2 : 0 }),
    });
    formatters.set(key, f);
  }
  return f;
}

/** An amount in `currency` (an ISO 4217 code); "—" for a missing or non-finite value. */
export function formatMoney(value: number | null | undefined, currency: string, style: MoneyStyle = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return formatter(currency, style).format(value);
}

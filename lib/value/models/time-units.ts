/**
 * Time units used by the value models. Model parameters that carry time (BG/NBD α) are only
 * meaningful together with the unit the data was summarised in, so every summary and fit
 * records its unit and conversions go through this module.
 */
export type TimeUnit = "days" | "weeks";

export const MS_PER_DAY = 86_400_000;

/** Average Gregorian month: 365.25 / 12 = 30.4375 days. */
const DAYS_PER_MONTH = 365.25 / 12;

export function daysPerUnit(unit: TimeUnit): number {
  switch (unit) {
    case "days":
      return 1;
    case "weeks":
      return 7;
    default:
      throw new RangeError(`Unknown time unit: ${String(unit)}`);
  }
}

/** Length of an average month expressed in `unit` (30.4375 days, or 4.348… weeks). */
export function monthInUnits(unit: TimeUnit): number {
  return DAYS_PER_MONTH / daysPerUnit(unit);
}

/** A month as YYYY-MM (UTC). */
export const month = (d: Date) => d.toISOString().slice(0, 7);

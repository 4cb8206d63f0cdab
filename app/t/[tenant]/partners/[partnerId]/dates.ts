/** A date as YYYY-MM-DD (UTC), or a dash. */
export const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "—");

import { z } from "zod";
import { ApiProblem } from "./problem";

// Cursor pagination over id order (ids are uuid v7, so id order is creation order). The cursor is
// opaque to clients: base64url of {"id": "<last id of the page>"}.

export const paginationQuery = z.object({
  limit: z.coerce
    .number()
    .int("limit must be a whole number.")
    .min(1, "limit must be at least 1.")
    .max(200, "limit must be at most 200.")
    .default(50),
  cursor: z.string().max(500).optional(),
});
export type Pagination = z.output<typeof paginationQuery>;

export function encodeCursor(id: string): string {
  return Buffer.from(JSON.stringify({ id }), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { id?: unknown };
    if (typeof value.id === "string" && value.id.length > 0 && value.id.length <= 64) return value.id;
  } catch {
    // fall through
  }
  throw new ApiProblem(400, "The cursor is not valid; use next_cursor from a previous page.", [
    { field: "query.cursor", message: "Invalid cursor." },
  ]);
}

/** Prisma arguments for one page: fetch limit + 1 rows to know whether there is a next page. */
export function pageArgs(page: Pagination) {
  const after = decodeCursor(page.cursor);
  return { where: after ? { id: { gt: after } } : {}, orderBy: { id: "asc" as const }, take: page.limit + 1 };
}

export function toPage<T extends { id: string }, R>(rows: T[], page: Pagination, map: (row: T) => R) {
  const more = rows.length > page.limit;
  const items = more ? rows.slice(0, page.limit) : rows;
  return { data: items.map(map), next_cursor: more ? encodeCursor(items[items.length - 1].id) : null };
}

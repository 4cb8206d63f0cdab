import { z } from "zod";
import type { Db } from "@/lib/db/scope";
import type { QueryDb } from "@/lib/db/sql-scope";
import { DomainError } from "@/lib/errors";
import { inboxFiltersSchema } from "./inbox";

// Saved escalation-inbox views (issue 18 item 3): a name and the inbox's filter/sort query, a member's own, optionally
// shared with the workspace. Only the member who saved a view renames or deletes it; anyone else's id is not found.

/** The inbox query kept in a view: only the inbox's own filters and order, in a fixed order, never the page. */
export function canonicalInboxQuery(raw: string): string {
  const params = Object.fromEntries(new URLSearchParams(raw.startsWith("?") ? raw.slice(1) : raw));
  const filters = inboxFiltersSchema.parse(params);
  const out = new URLSearchParams();
  for (const key of ["view", "sort", "severity", "partner", "touchpoint", "level", "assignee"] as const) {
    const value = filters[key];
    if (value !== undefined && value !== "") out.set(key, String(value));
  }
  return out.toString();
}

const viewName = z
  .string({ error: "Give the view a name" })
  .trim()
  .min(1, "Give the view a name")
  .max(60, "Keep the name under 60 characters");
const viewId = z.string({ error: "Choose a view" }).min(1, "Choose a view").max(64);

export const createInboxViewSchema = z.object({
  name: viewName,
  query: z.string().max(1000, "That inbox address is too long to save").default(""),
  shared: z.boolean().default(false),
});
export const renameInboxViewSchema = z.object({ viewId, name: viewName });
export const deleteInboxViewSchema = z.object({ viewId });

export type InboxViewItem = { id: string; name: string; query: string; shared: boolean; mine: boolean; owner: string };

/** The member's own views and those shared with the workspace, by name. */
export async function listInboxViews(db: QueryDb, tenantId: string, membershipId: string): Promise<InboxViewItem[]> {
  return db.$queryRaw<InboxViewItem[]>`
    select v."id", v."name", v."query", v."shared", v."membershipId" = ${membershipId} as "mine", u."name" as "owner"
    from "InboxView" v
    join "Membership" m on m."tenantId" = v."tenantId" and m."id" = v."membershipId"
    join "User" u on u."id" = m."userId"
    where v."tenantId" = ${tenantId} and (v."membershipId" = ${membershipId} or v."shared")
    order by lower(v."name"), v."id"`;
}

async function ensureFreeName(db: Db, tenantId: string, membershipId: string, name: string, exceptId?: string) {
  const taken = await db.inboxView.findFirst({
    where: {
      tenantId,
      membershipId,
      name: { equals: name, mode: "insensitive" },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (taken) throw new DomainError(`You already have a view named “${name}”.`, "conflict");
}

/** The member's own view, or not found (another member's id, shared or not, and another tenant's too). */
async function ownView(db: Db, tenantId: string, membershipId: string, viewId: string) {
  const view = await db.inboxView.findFirst({ where: { tenantId, id: viewId, membershipId } });
  if (!view) throw new DomainError("That saved view was not found.", "not-found");
  return view;
}

export async function createInboxView(
  db: Db,
  tenantId: string,
  membershipId: string,
  input: z.output<typeof createInboxViewSchema>,
) {
  await ensureFreeName(db, tenantId, membershipId, input.name);
  return db.inboxView.create({
    data: { tenantId, membershipId, name: input.name, query: canonicalInboxQuery(input.query), shared: input.shared },
  });
}

export async function renameInboxView(
  db: Db,
  tenantId: string,
  membershipId: string,
  input: z.output<typeof renameInboxViewSchema>,
) {
  const view = await ownView(db, tenantId, membershipId, input.viewId);
  await ensureFreeName(db, tenantId, membershipId, input.name, view.id);
  return db.inboxView.update({ where: { tenantId_id: { tenantId, id: view.id } }, data: { name: input.name } });
}

export async function deleteInboxView(
  db: Db,
  tenantId: string,
  membershipId: string,
  input: z.output<typeof deleteInboxViewSchema>,
) {
  const view = await ownView(db, tenantId, membershipId, input.viewId);
  await db.inboxView.delete({ where: { tenantId_id: { tenantId, id: view.id } } });
  return { id: view.id, name: view.name };
}

import { z } from "zod";
import type { Db } from "@/lib/db/scope";
import { DomainError } from "@/lib/errors";

// The workspace's root-cause taxonomy (issue 19, item 5): a short list of causes, each in a category. An incident's
// root cause picks one (Incident.rootCauseId); its free text stays as the note. Existing free-text causes that equal
// a cause's label (ignoring case and spaces) are mapped to it when the cause is added.

export const CAUSE_CATEGORIES = ["people", "process", "partner", "product", "system", "external"] as const;
export type CauseCategory = (typeof CAUSE_CATEGORIES)[number];
export const CATEGORY_LABELS: Record<CauseCategory, string> = {
  people: "People (staffing, training)",
  process: "Process (planning, hand-offs)",
  partner: "Partner execution",
  product: "Product and content",
  system: "Systems and data",
  external: "External (weather, traffic, suppliers)",
};

/** A starting taxonomy for a delivery and installation network; the steward renames or removes what does not fit. */
export const CAUSE_PRESETS: { label: string; category: CauseCategory }[] = [
  { label: "Capacity overbooked", category: "process" },
  { label: "Scheduling hand-off lost", category: "process" },
  { label: "Handling damage", category: "partner" },
  { label: "Installation checklist skipped", category: "partner" },
  { label: "Staff not trained", category: "people" },
  { label: "Staff shortage", category: "people" },
  { label: "Wrong data in a partner system", category: "system" },
  { label: "Integration failure", category: "system" },
  { label: "Product information wrong", category: "product" },
  { label: "Vehicle or equipment breakdown", category: "external" },
];

export const causeSchema = z.object({
  label: z
    .string()
    .trim()
    .min(2, "Name the cause in at least 2 characters")
    .max(80, "Keep the cause's name under 80 characters"),
  category: z.enum(CAUSE_CATEGORIES, { error: "Choose a category from the list" }),
});

export async function listCauses(db: Db, tenantId: string) {
  const rows = await db.rootCause.findMany({
    where: { tenantId },
    orderBy: [{ position: "asc" }, { label: "asc" }],
    select: { id: true, label: true, category: true, _count: { select: { incidents: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    category: r.category as CauseCategory,
    incidents: r._count.incidents,
  }));
}

/** Maps free-text root causes equal to a cause's label onto that cause; returns how many incidents were mapped. */
function mapFreeTextCauses(db: Db, tenantId: string): Promise<number> {
  return db.$executeRaw`
    update "Incident" i set "rootCauseId" = c.id
    from "RootCause" c
    where i."tenantId" = ${tenantId} and c."tenantId" = ${tenantId} and i."rootCauseId" is null
      and i."rootCause" is not null
      and lower(regexp_replace(trim(i."rootCause"), '\\s+', ' ', 'g')) = lower(regexp_replace(trim(c.label), '\\s+', ' ', 'g'))`;
}

/** Adds causes (skipping labels already there), then maps matching free text. */
export async function addCauses(db: Db, tenantId: string, causes: z.infer<typeof causeSchema>[]) {
  const max = await db.rootCause.aggregate({ where: { tenantId }, _max: { position: true } });
  const start = (max._max.position ?? 0) + 1;
  const { count } = await db.rootCause.createMany({
    data: causes.map((c, i) => ({ tenantId, label: c.label, category: c.category, position: start + i })),
    skipDuplicates: true,
  });
  const mapped = await mapFreeTextCauses(db, tenantId);
  return { added: count, mapped };
}

/** Removes a cause no incident uses (a used one must stay: the incidents' history names it). */
export async function removeCause(db: Db, tenantId: string, causeId: string) {
  const cause = await db.rootCause.findFirst({
    where: { tenantId, id: causeId },
    select: { id: true, label: true, _count: { select: { incidents: true } } },
  });
  if (!cause) throw new DomainError("That cause was not found.", "not-found");
  if (cause._count.incidents > 0)
    throw new DomainError(
      `“${cause.label}” is the root cause of ${cause._count.incidents} incident${cause._count.incidents === 1 ? "" : "s"}; it stays in the list.`,
      "conflict",
    );
  await db.rootCause.delete({ where: { tenantId_id: { tenantId, id: causeId } } });
  return cause;
}

/** The cause an incident is resolved with: the chosen one (of this workspace), else the one its free text names. */
export async function causeForResolution(db: Db, tenantId: string, rootCauseId: string | undefined, text: string) {
  if (rootCauseId) {
    const cause = await db.rootCause.findFirst({ where: { tenantId, id: rootCauseId }, select: { id: true } });
    if (!cause) throw new DomainError("That root cause is not in the workspace's list.", "not-found");
    return cause.id;
  }
  const match = await db.$queryRaw<{ id: string }[]>`
    select id from "RootCause"
    where "tenantId" = ${tenantId}
      and lower(regexp_replace(trim(label), '\\s+', ' ', 'g')) = lower(regexp_replace(trim(${text}), '\\s+', ' ', 'g'))
    limit 1`;
  return match[0]?.id ?? null;
}

import { z } from "zod";
import { tenantSlug } from "@/lib/actions/schemas";
import type { Db } from "@/lib/db/scope";
import {
  isPreferenceKind,
  PREFERENCE_KINDS,
  PREFERENCE_MODES,
  type PreferenceKind,
  type PreferenceMode,
} from "./kinds";

const mode = z.enum(PREFERENCE_MODES, { error: "Choose Immediately, In the daily digest or Off" });

/** A member's modes for every kind, as the preferences forms send them (workspace and portal). */
export const emailPreferencesSchema = z.object({
  tenantSlug,
  modes: z.object(
    Object.fromEntries(PREFERENCE_KINDS.map((k) => [k, mode])) as Record<
      (typeof PREFERENCE_KINDS)[number],
      typeof mode
    >,
  ),
});

/** A member's mode for every kind they can choose (IMMEDIATE where they never chose). */
export async function preferencesOf(
  db: Db,
  tenantId: string,
  userId: string,
): Promise<Record<PreferenceKind, PreferenceMode>> {
  const rows = await db.emailPreference.findMany({ where: { tenantId, userId } });
  const modes = Object.fromEntries(PREFERENCE_KINDS.map((k) => [k, "IMMEDIATE"])) as Record<
    PreferenceKind,
    PreferenceMode
  >;
  for (const row of rows) if (isPreferenceKind(row.kind)) modes[row.kind] = row.mode as PreferenceMode;
  return modes;
}

/** Modes of several members for one kind, for queueing (members without a row are IMMEDIATE). */
export async function modesFor(
  db: Db,
  tenantId: string,
  userIds: string[],
  kind: string,
): Promise<Map<string, PreferenceMode>> {
  if (userIds.length === 0 || !isPreferenceKind(kind)) return new Map();
  const rows = await db.emailPreference.findMany({ where: { tenantId, kind, userId: { in: userIds } } });
  return new Map(rows.map((r) => [r.userId, r.mode as PreferenceMode]));
}

export async function setPreference(
  db: Db,
  tenantId: string,
  userId: string,
  kind: PreferenceKind,
  mode: PreferenceMode,
) {
  await db.emailPreference.upsert({
    where: { tenantId_userId_kind: { tenantId, userId, kind } },
    create: { tenantId, userId, kind, mode },
    update: { mode },
  });
}

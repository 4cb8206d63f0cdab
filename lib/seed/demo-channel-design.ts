/**
 * The demo tenants' channel design (issue 19, part 2): a limited, composite channel design, the value
 * proposition each touchpoint serves, and its RACI — the brand or its main partner accountable, the assigned
 * partners responsible, the brand consulted, another partner informed. Two realistic gaps are left for the journey
 * map to show: the live-chat touchpoint (the first connect touchpoint when there is none) has no value
 * proposition and nobody accountable yet. Deterministic (lib/seed/random.ts).
 */
import type { ValueProposition } from "@/generated/prisma/enums";
import { withTenant } from "@/lib/db/scope";
import { updateTenantSettings } from "@/lib/tenants/settings";
import { createRng } from "./random";

const BY_NAME: Record<string, ValueProposition> = {
  "Marketplace listing": "CONVENIENT_SOLUTIONS",
  "In-store display": "INTENSITY_OF_EXPERIENCE",
  "Pop-up demo kitchen": "INTENSITY_OF_EXPERIENCE",
  "Product advice line": "WORLD_CLASS_SERVICE",
  "Showroom consultation": "CUSTOMIZATION",
  "Online checkout": "CONVENIENT_SOLUTIONS",
  "In-store purchase": "WORLD_CLASS_SERVICE",
  "Curbside pickup": "CONVENIENT_SOLUTIONS",
  "Home delivery": "CONVENIENT_SOLUTIONS",
  Installation: "CUSTOMIZATION",
  "Repair & warranty service": "WORLD_CLASS_SERVICE",
};
const BY_STAGE: Record<string, ValueProposition> = {
  attract: "INTENSITY_OF_EXPERIENCE",
  connect: "CUSTOMIZATION",
  engage: "WORLD_CLASS_SERVICE",
  convert: "CONVENIENT_SOLUTIONS",
};

export async function seedDemoChannelDesign(tenantId: string, seed: number): Promise<void> {
  const rng = createRng(seed).fork("channel-design");
  await withTenant({ tenantId }, async (db) => {
    await updateTenantSettings(db, tenantId, "channel", { design: "LIMITED", scope: "COMPOSITE" });
    const touchpoints = await db.touchpoint.findMany({
      where: { tenantId },
      orderBy: [{ position: "asc" }, { name: "asc" }],
      include: { partners: { where: { tenantId }, orderBy: { assignedAt: "asc" }, select: { partnerId: true } } },
    });
    const allPartners = [...new Set(touchpoints.flatMap((t) => t.partners.map((p) => p.partnerId)))].sort();
    const gap =
      touchpoints.find((t) => t.name === "Live chat") ?? touchpoints.find((t) => t.stage === "connect") ?? null;
    const roles: {
      tenantId: string;
      touchpointId: string;
      role: "RESPONSIBLE" | "ACCOUNTABLE" | "CONSULTED" | "INFORMED";
      partnerId: string | null;
    }[] = [];
    for (const t of touchpoints) {
      const assigned = t.partners.map((p) => p.partnerId);
      for (const partnerId of assigned) roles.push({ tenantId, touchpointId: t.id, role: "RESPONSIBLE", partnerId });
      if (t.id === gap?.id) continue;
      await db.touchpoint.updateMany({
        where: { tenantId, id: t.id },
        data: { valueProposition: BY_NAME[t.name] ?? BY_STAGE[t.stage] ?? "WORLD_CLASS_SERVICE" },
      });
      // moments of truth and unassigned touchpoints: the brand answers for them; otherwise the main partner
      const accountable = t.isMomentOfTruth || assigned.length === 0 ? null : assigned[0];
      roles.push({ tenantId, touchpointId: t.id, role: "ACCOUNTABLE", partnerId: accountable });
      if (accountable !== null) roles.push({ tenantId, touchpointId: t.id, role: "CONSULTED", partnerId: null });
      const others = allPartners.filter((p) => !assigned.includes(p));
      if (others.length > 0)
        roles.push({ tenantId, touchpointId: t.id, role: "INFORMED", partnerId: rng.pick(others) });
    }
    await db.touchpointRole.createMany({ data: roles });
  });
}

import { listCauses } from "@/lib/costs/causes";
import type { Db } from "@/lib/db/scope";
import { equityAtRiskForIncident } from "@/lib/incidents/equity-at-risk";
import { pendingExtension } from "@/lib/incidents/update-incident";

/** Everything the incident page shows, or null for an unknown (or, under RLS, foreign) incident. */
export async function incidentDetail(db: Db, tenantId: string, incidentId: string, options: { steward: boolean }) {
  const incident = await db.incident.findFirst({
    where: { tenantId, id: incidentId },
    include: {
      partner: { select: { name: true } },
      touchpoint: { select: { name: true } },
      cause: { select: { label: true } },
      assignee: { select: { id: true, user: { select: { name: true } } } },
      events: { where: options.steward ? {} : { internal: false }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!incident) return null;
  const pending = await pendingExtension(db, tenantId, incident.id);
  // The workspace's list of causes, for filing the incident when it is resolved (partners may read it).
  const causes = (await listCauses(db, tenantId)).map((c) => ({ value: c.id, label: c.label }));
  // Customer values are steward-only (RLS), so the partner's view carries no equity figure.
  const equityAtRisk = options.steward ? await equityAtRiskForIncident(db, tenantId, incident) : undefined;
  return { incident, pending, equityAtRisk, causes };
}

/** Owners and stewards (assignable; ladder rungs). */
export async function listStewards(db: Db, tenantId: string) {
  const rows = await db.membership.findMany({
    where: { tenantId, role: { in: ["OWNER", "STEWARD"] } },
    select: { id: true, role: true, user: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({ id: r.id, name: r.user.name, role: r.role }));
}

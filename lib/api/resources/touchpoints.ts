import type { z } from "zod";
import type { Db } from "@/lib/db/scope";
import type { ApiPrincipal } from "../keys";
import { pageArgs, toPage } from "../pagination";
import type { TouchpointListQuery } from "../schemas";

/** The tenant's touchpoints with their assigned partners; a partner key sees the touchpoints it serves. */
export async function listTouchpoints(db: Db, principal: ApiPrincipal, query: z.output<typeof TouchpointListQuery>) {
  const args = pageArgs(query);
  const rows = await db.touchpoint.findMany({
    ...args,
    where: {
      ...args.where,
      tenantId: principal.tenantId,
      ...(principal.partnerId ? { partners: { some: { partnerId: principal.partnerId } } } : {}),
    },
    include: { partners: { select: { partnerId: true }, orderBy: { partnerId: "asc" } } },
  });
  return toPage(rows, query, (t) => ({
    id: t.id,
    name: t.name,
    description: t.description,
    stage: t.stage,
    channel: t.channel,
    isMomentOfTruth: t.isMomentOfTruth,
    weight: t.weight,
    position: t.position,
    partnerIds: t.partners.map((p) => p.partnerId),
  }));
}

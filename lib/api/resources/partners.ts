import type { z } from "zod";
import type { Db } from "@/lib/db/scope";
import type { Partner as PartnerRow } from "@/generated/prisma/client";
import type { ApiPrincipal } from "../keys";
import { pageArgs, toPage, type Pagination } from "../pagination";
import { notFound } from "../problem";
import type { Partner, PartnerListQuery } from "../schemas";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

function partnerJson(p: PartnerRow): z.infer<typeof Partner> {
  return {
    id: p.id,
    name: p.name,
    type: p.type,
    tier: p.tier,
    status: p.status,
    region: p.region,
    contractStart: day(p.contractStart),
    contractEnd: day(p.contractEnd),
    website: p.website,
    alignmentScore: p.alignmentScore,
    createdAt: p.createdAt.toISOString(),
  };
}

/** The tenant's partners, one page in id order; a partner key sees only its own partner. */
export async function listPartners(db: Db, principal: ApiPrincipal, query: z.output<typeof PartnerListQuery>) {
  const args = pageArgs(query as Pagination);
  const rows = await db.partner.findMany({
    ...args,
    where: {
      ...args.where,
      tenantId: principal.tenantId,
      ...(principal.partnerId ? { id: { ...args.where.id, equals: principal.partnerId } } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.type ? { type: query.type } : {}),
    },
  });
  return toPage(rows, query, partnerJson);
}

export async function getPartner(db: Db, principal: ApiPrincipal, id: string) {
  if (principal.partnerId && principal.partnerId !== id) throw notFound("Partner");
  const row = await db.partner.findFirst({ where: { tenantId: principal.tenantId, id } });
  if (!row) throw notFound("Partner");
  return partnerJson(row);
}

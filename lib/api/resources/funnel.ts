import type { z } from "zod";
import type { Db } from "@/lib/db/scope";
import { CONVERSION_DEFINITION, funnelMonth } from "@/lib/funnel/funnel";
import { pickFunnelMonth } from "@/lib/funnel/pages";
import { formatMonth, parseMonth } from "@/lib/months";
import { getTenantSettings } from "@/lib/tenants/settings";
import type { ApiPrincipal } from "../keys";
import type { FunnelQuery } from "../schemas";

/** The month's funnel; under a partner key, row-level security limits it to the partner's own rows. */
export async function getFunnel(db: Db, principal: ApiPrincipal, query: z.output<typeof FunnelQuery>) {
  const month = pickFunnelMonth(query.month);
  const funnel = await funnelMonth(db, principal.tenantId, parseMonth(month));
  return {
    month,
    snapshotMonth: funnel.snapshot ? formatMonth(funnel.snapshot) : null,
    currency: (await getTenantSettings(db, principal.tenantId)).workspace.currency,
    conversionDefinition: CONVERSION_DEFINITION,
    stages: funnel.stages,
  };
}

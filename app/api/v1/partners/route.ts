import { apiRoute } from "@/lib/api/route";
import { PartnerListQuery } from "@/lib/api/schemas";
import { listPartners } from "@/lib/api/resources/partners";

export const GET = apiRoute({ name: "partners.list", query: PartnerListQuery }, async ({ db, principal, query }) => ({
  status: 200,
  body: await listPartners(db, principal, query),
}));

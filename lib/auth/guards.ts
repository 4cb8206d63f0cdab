import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { partnerAccess, stewardAccess } from "./access";
import type { Permission } from "./permissions";

// For pages: the same checks as the action clients, turned into a redirect to sign in, a 404
// for a tenant (or partner) that is not yours, or a 403 for a role without the permission.

function refuse(denied: "signed-out" | "not-found" | "forbidden", next: string): never {
  if (denied === "signed-out") redirect(`/login?next=${encodeURIComponent(next)}`);
  if (denied === "forbidden") forbidden();
  notFound();
}

export async function requireSteward(tenantSlug: string, permission?: Permission) {
  const result = await stewardAccess(tenantSlug, permission);
  if (!result.ok) refuse(result.denied, `/t/${tenantSlug}`);
  return result.access;
}

export async function requirePartner(tenantSlug: string, permission?: Permission) {
  const result = await partnerAccess(tenantSlug, permission);
  if (!result.ok) refuse(result.denied, `/portal/${tenantSlug}`);
  return result.access;
}

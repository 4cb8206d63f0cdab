import type { Role } from "@/generated/prisma/enums";

// Who may do what, as one table. A role not listed for a permission is refused, and so is any
// role string this table does not know.
const PERMISSIONS = {
  "workspace:read": ["OWNER", "STEWARD", "ANALYST"],
  "partners:write": ["OWNER", "STEWARD"],
  "standards:write": ["OWNER", "STEWARD"],
  "incidents:write": ["OWNER", "STEWARD"],
  "value:recompute": ["OWNER", "STEWARD"],
  "scorecards:publish": ["OWNER", "STEWARD"],
  "plans:write": ["OWNER", "STEWARD"],
  "incentives:write": ["OWNER", "STEWARD"],
  "exports:read": ["OWNER", "STEWARD", "ANALYST"],
  "members:manage": ["OWNER"],
  "settings:write": ["OWNER"],
  "portal:read": ["PARTNER_ADMIN", "PARTNER_AGENT"],
  "portal:respond": ["PARTNER_ADMIN", "PARTNER_AGENT"],
  "portal:admin": ["PARTNER_ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const PARTNER_ROLES = ["PARTNER_ADMIN", "PARTNER_AGENT"] as const satisfies readonly Role[];

export function can(role: string | null | undefined, permission: Permission): boolean {
  if (!role || !Object.hasOwn(PERMISSIONS, permission)) return false;
  return (PERMISSIONS[permission] as readonly string[]).includes(role);
}

export function isPartnerRole(role: string): role is (typeof PARTNER_ROLES)[number] {
  return (PARTNER_ROLES as readonly string[]).includes(role);
}

export const ROLE_LABELS: Record<Role, string> = {
  OWNER: "Owner",
  STEWARD: "Steward",
  ANALYST: "Analyst",
  PARTNER_ADMIN: "Partner admin",
  PARTNER_AGENT: "Partner agent",
};

import type { Db } from "@/lib/db/scope";
import { DomainError } from "@/lib/errors";

export async function listMembers(db: Db, tenantId: string) {
  return db.membership.findMany({
    where: { tenantId },
    select: {
      id: true,
      role: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true } },
      partner: { select: { id: true, name: true } },
    },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
  });
}

export async function listOpenInvitations(db: Db, tenantId: string) {
  return db.invitation.findMany({
    where: { tenantId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, email: true, role: true, expiresAt: true, partner: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
  });
}

/** Removes a member; their access ends on their next request. The last owner cannot be removed. */
export async function removeMember(db: Db, tenantId: string, membershipId: string, actingUserId: string) {
  const member = await db.membership.findFirst({ where: { tenantId, id: membershipId }, include: { user: true } });
  if (!member) throw new DomainError("That member was not found.", "not-found");
  if (member.userId === actingUserId) throw new DomainError("You cannot remove yourself from the workspace.");
  if (member.role === "OWNER") {
    const owners = await db.membership.count({ where: { tenantId, role: "OWNER" } });
    if (owners <= 1) throw new DomainError("A workspace needs at least one owner.");
  }
  await db.membership.delete({ where: { tenantId_id: { tenantId, id: membershipId } } });
  return member;
}

export async function revokeInvitation(db: Db, tenantId: string, invitationId: string) {
  const result = await db.invitation.updateMany({
    where: { tenantId, id: invitationId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (result.count === 0) throw new DomainError("That invitation was not found or is no longer open.", "not-found");
}

import type { Prisma } from "@/generated/prisma/client";
import { prisma, roleFor } from "./client";

/** A Prisma client bound to one transaction in which the tenant context is set. */
export type Db = Prisma.TransactionClient;

/** Whose data a unit of work may touch. partnerId is set for partner users and partner API keys. */
export type TenantScope = { tenantId: string; partnerId?: string | null; userId?: string | null };

/** A partner user's scope: row-level security shows only the partner's own rows. */
export type PartnerScope = { tenantId: string; partnerId: string; userId: string };

type Options = { timeoutMs?: number };

/**
 * Runs `work` in one transaction whose Postgres settings name the tenant (and partner, and user):
 * row-level security then hides every other tenant's rows, even from a query without a where clause.
 */
export function withTenant<T>(scope: TenantScope, work: (db: Db) => Promise<T>, options: Options = {}): Promise<T> {
  if (!scope.tenantId) throw new Error("withTenant needs a tenantId");
  return inContext(
    { tenantId: scope.tenantId, partnerId: scope.partnerId ?? "", userId: scope.userId ?? "" },
    work,
    options,
  );
}

/** For auth lookups before a tenant is chosen: the user's own memberships and their tenants. */
export function withUser<T>(userId: string, work: (db: Db) => Promise<T>): Promise<T> {
  return inContext({ userId }, work);
}

/** For accepting an invitation: exactly the invitation whose token hash is known. */
export function withInvitation<T>(tokenHash: string, userId: string, work: (db: Db) => Promise<T>): Promise<T> {
  return inContext({ inviteTokenHash: tokenHash, userId }, work);
}

type Context = { tenantId?: string; partnerId?: string; userId?: string; inviteTokenHash?: string };

function inContext<T>(context: Context, work: (db: Db) => Promise<T>, options: Options = {}): Promise<T> {
  return prisma().$transaction(
    async (tx) => {
      await setContext(tx, context);
      return work(tx);
    },
    { maxWait: 20_000, timeout: options.timeoutMs ?? 30_000 },
  );
}

/** Changes the context inside a running transaction (e.g. right after creating a new tenant). */
export async function setContext(db: Db, context: Context) {
  await db.$queryRaw`select
    set_config('role', ${roleFor(context.partnerId)}, true),
    set_config('app.tenant_id', ${context.tenantId ?? ""}, true),
    set_config('app.partner_id', ${context.partnerId ?? ""}, true),
    set_config('app.user_id', ${context.userId ?? ""}, true),
    set_config('app.invite_token_hash', ${context.inviteTokenHash ?? ""}, true)`;
}

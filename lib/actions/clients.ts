import "server-only";
import { createSafeActionClient } from "next-safe-action";
import { z } from "zod";
import { log } from "@/lib/log";
import { withTenant, type Db } from "@/lib/db/scope";
import { currentUser } from "@/lib/auth/session";
import { accessFor, type Access } from "@/lib/auth/access";
import { can, isPartnerRole, type Permission } from "@/lib/auth/permissions";
import { writeAudit, type AuditEntry } from "@/lib/audit/write";
import { findNul, NUL_MESSAGE } from "@/lib/validation/nul";
import { DomainError } from "@/lib/errors";
import { GENERIC_ERROR } from "./errors";
import { tenantSlug } from "./schemas";

// The typed action clients. Each action reads: authorize (middleware below) → validate (its zod
// input schema) → do (in ctx.db, the tenant transaction) → audit (ctx.audit, same transaction)
// → revalidate (in the action). An action that fails rolls its whole transaction back.

const metadataSchema = z.object({ actionName: z.string(), permission: z.string() });

const baseAction = createSafeActionClient({
  defineMetadataSchema: () => metadataSchema,
  defaultValidationErrorsShape: "flattened",
  handleServerError(error, { metadata }) {
    if (error instanceof DomainError) return error.message;
    log.error("server action failed", { action: metadata?.actionName, error });
    return GENERIC_ERROR;
  },
});

/** The tenant comes from the URL the user is on; it only selects which of *their* memberships applies. */
const tenantInput = z.object({ tenantSlug });

type ActionContext = {
  access: Access;
  db: Db;
  audit: (entry: AuditEntry) => void;
};

class Rollback {
  constructor(readonly result: unknown) {}
}

function tenantActionClient(kind: "steward" | "partner") {
  return baseAction.use(async ({ next, metadata, clientInput }) => {
    const user = await currentUser();
    if (!user) throw new DomainError("Your session has ended. Sign in again.", "forbidden");
    const parsed = tenantInput.safeParse(clientInput);
    if (!parsed.success) throw new DomainError("This action needs a workspace.");
    const access = await accessFor(user, parsed.data.tenantSlug);
    const partnerUser = access ? isPartnerRole(access.membership.role) : false;
    if (!access || partnerUser !== (kind === "partner")) throw new DomainError("Workspace not found.", "not-found");
    if (!can(access.membership.role, metadata.permission as Permission))
      throw new DomainError("Your role does not allow this.", "forbidden");
    // After authorization, before validation: text PostgreSQL cannot store is a clear error, not a failed write.
    if (findNul(clientInput)) throw new DomainError(NUL_MESSAGE);

    const entries: AuditEntry[] = [];
    const scope = { tenantId: access.tenant.id, partnerId: access.membership.partnerId, userId: user.id };
    try {
      return await withTenant(scope, async (db) => {
        const result = await next({
          ctx: { access, db, audit: (e: AuditEntry) => entries.push(e) } satisfies ActionContext,
        });
        if (!result.success) throw new Rollback(result);
        await writeAudit(db, access.tenant.id, { userId: user.id, label: user.email }, entries);
        return result;
      });
    } catch (error) {
      if (error instanceof Rollback) return error.result as never;
      throw error;
    }
  });
}

/** For owners, stewards and analysts, in the steward workspace. */
export const stewardAction = tenantActionClient("steward");
/** For partner admins and agents, in the partner portal; the transaction is scoped to their partner. */
export const partnerAction = tenantActionClient("partner");
/** For signed-out flows (sign-in, sign-up, accepting an invite): no tenant, no session. */
export const publicAction = baseAction.use(async ({ next, clientInput }) => {
  if (findNul(clientInput)) throw new DomainError(NUL_MESSAGE);
  return next();
});

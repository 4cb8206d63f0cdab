import { withTenant } from "@/lib/db/scope";
import { writeAudit } from "@/lib/audit/write";
import { KIND_LABELS } from "./kinds";
import { setPreference } from "./preferences";
import { readUnsubscribeToken } from "./unsubscribe";

// What the unsubscribe link does: GET shows a page with one button (a link preview or a mail scanner that follows
// links must not unsubscribe anyone); POST (the button, or a mail client's RFC 8058 one-click request) turns that
// kind of mail off for the member in that workspace. The signed token is the only credential.

export type UnsubscribeAnswer = { status: number; title: string; message: string; token?: string };

const INVALID: UnsubscribeAnswer = {
  status: 404,
  title: "Link not valid",
  message: "This unsubscribe link is not valid. Change your e-mail preferences in Steward's settings instead.",
};

async function resolveToken(token: string) {
  const claims = readUnsubscribeToken(token);
  if (!claims) return null;
  const tenant = await withTenant({ tenantId: claims.tenantId }, (db) =>
    db.tenant.findFirst({
      where: { id: claims.tenantId, memberships: { some: { userId: claims.userId } } },
      select: { name: true },
    }),
  );
  return tenant ? { claims, tenantName: tenant.name, label: KIND_LABELS[claims.kind].toLowerCase() } : null;
}

export async function previewUnsubscribe(token: string): Promise<UnsubscribeAnswer> {
  const found = await resolveToken(token);
  if (!found) return INVALID;
  return {
    status: 200,
    title: "Unsubscribe",
    message: `Stop e-mail about ${found.label} from ${found.tenantName}?`,
    token,
  };
}

export async function confirmUnsubscribe(token: string): Promise<UnsubscribeAnswer> {
  const found = await resolveToken(token);
  if (!found) return INVALID;
  const { tenantId, userId, kind } = found.claims;
  await withTenant({ tenantId }, async (db) => {
    await setPreference(db, tenantId, userId, kind, "OFF");
    await writeAudit(db, tenantId, { userId, label: "unsubscribe link" }, [
      { action: "email.unsubscribed", entityType: "EmailPreference", entityId: kind, data: { kind } },
    ]);
  });
  const note =
    kind === "escalation" ? " Escalations to level 3 (executives) are still sent: they cannot be turned off." : "";
  return {
    status: 200,
    title: "Unsubscribed",
    message: `You will no longer get e-mail about ${found.label} from ${found.tenantName}.${note}`,
  };
}

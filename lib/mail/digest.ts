import { createElement } from "react";
import { prisma } from "@/lib/db/client";
import { withTenant, type Db } from "@/lib/db/scope";
import { DigestEmail } from "@/lib/mail/templates/digest-email";
import { appBaseUrl } from "./links";
import { queueMail } from "./queue";
import { renderMail } from "./render";

// The daily digest: mail that members chose to get "in the daily digest" is held (status HELD) when it is queued;
// once a day each member's held messages from before today become one digest message, and are marked DIGESTED in
// the same transaction. The digest is unique per member and day, so a second run on the same day adds nothing.

const startOfUtcDay = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

/** Queues the digests due at `now` in every tenant; returns how many digest messages were queued. */
export async function queueDailyDigests(now = new Date()): Promise<number> {
  const tenants = await prisma().$queryRaw<{ tenantId: string }[]>`select "tenantId" from tenants_with_held_email()`;
  let queued = 0;
  for (const { tenantId } of tenants)
    queued += await withTenant({ tenantId }, (db) => queueTenantDigests(db, tenantId, now));
  return queued;
}

async function queueTenantDigests(db: Db, tenantId: string, now = new Date()): Promise<number> {
  const before = startOfUtcDay(now);
  const held = await db.emailMessage.findMany({
    where: { tenantId, status: "HELD", createdAt: { lt: before }, userId: { not: null } },
    orderBy: { createdAt: "asc" },
    select: { id: true, userId: true, recipient: true, subject: true, link: true },
  });
  if (held.length === 0) return 0;
  const tenant = await db.tenant.findFirstOrThrow({ where: { id: tenantId }, select: { name: true, slug: true } });
  const day = before.toISOString().slice(0, 10);
  const byUser = new Map<string, typeof held>();
  for (const m of held) byUser.set(m.userId!, [...(byUser.get(m.userId!) ?? []), m]);
  let queued = 0;
  for (const [userId, items] of byUser) {
    const recipient = items[items.length - 1].recipient;
    const homeUrl = `${appBaseUrl()}/t/${tenant.slug}`;
    queued += await queueMail(db, tenantId, {
      kind: "digest",
      eventKey: `digest:${userId}:${day}`,
      recipients: [{ email: recipient, userId }],
      mandatory: true,
      link: homeUrl,
      now,
      compose: () =>
        renderMail(
          `${tenant.name}: your daily digest (${items.length} update${items.length === 1 ? "" : "s"})`,
          createElement(DigestEmail, {
            tenantName: tenant.name,
            day,
            items: items.map((m) => ({ subject: m.subject, link: m.link })),
            homeUrl,
            preferencesUrl: `${appBaseUrl()}/t/${tenant.slug}/settings/email`,
          }),
        ),
    });
    await db.emailMessage.updateMany({
      where: { tenantId, id: { in: items.map((m) => m.id) }, status: "HELD" },
      data: { status: "DIGESTED" },
    });
  }
  return queued;
}

import { createElement } from "react";
import type { Db } from "@/lib/db/scope";
import { ScorecardPublishedEmail } from "@/lib/mail/templates/scorecard-published-email";
import { appBaseUrl } from "../links";
import { queueMail } from "../queue";
import { renderMail } from "../render";

/** Mails each published card's partner admins a link to the portal's scorecard (in the publishing transaction). */
export async function queueScorecardPublishedMail(
  db: Db,
  tenantId: string,
  scorecardIds: string[],
  month: string,
  now = new Date(),
) {
  if (scorecardIds.length === 0) return 0;
  const tenant = await db.tenant.findFirstOrThrow({ where: { id: tenantId }, select: { name: true, slug: true } });
  const cards = await db.scorecard.findMany({
    where: { tenantId, id: { in: scorecardIds } },
    select: { id: true, partnerId: true, score: true, partner: { select: { name: true } } },
  });
  const admins = await db.membership.findMany({
    where: { tenantId, role: "PARTNER_ADMIN", partnerId: { in: cards.map((c) => c.partnerId) } },
    select: { partnerId: true, user: { select: { id: true, email: true } } },
  });
  const portalUrl = `${appBaseUrl()}/portal/${tenant.slug}/scorecard`;
  let queued = 0;
  for (const card of cards) {
    const recipients = admins
      .filter((a) => a.partnerId === card.partnerId)
      .map((a) => ({ email: a.user.email, userId: a.user.id }));
    queued += await queueMail(db, tenantId, {
      kind: "scorecard_published",
      eventKey: `scorecard:${card.id}`,
      recipients,
      link: portalUrl,
      now,
      compose: ({ unsubscribeUrl }) =>
        renderMail(
          `[${tenant.name}] ${card.partner.name}: your scorecard for ${month} is published`,
          createElement(ScorecardPublishedEmail, {
            tenantName: tenant.name,
            partnerName: card.partner.name,
            month,
            score: card.score === null ? "Not enough data this month" : `${Math.round(card.score)} / 100`,
            portalUrl,
            reason: `You are an admin of ${card.partner.name} in ${tenant.name}'s partner portal.`,
            unsubscribeUrl,
          }),
        ),
    });
  }
  return queued;
}

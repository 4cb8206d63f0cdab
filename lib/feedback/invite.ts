import type { Db } from "@/lib/db/scope";
import { setContext } from "@/lib/db/scope";
import { uuidv7 } from "@/lib/api/ids";
import { isEmailAddress } from "@/lib/mail/address";
import { queueSurveyMail } from "@/lib/mail/messages/survey";
import { getTenantSettings } from "@/lib/tenants/settings";
import { planSurveys } from "./plan";
import { hashSurveyToken, surveyStopUrl, surveyToken, surveyUrl } from "./token";

// Survey invitations at the moments of truth (issue 19, item 1): after an interaction at a touchpoint flagged as a
// moment of truth (imported or sent through the API) and after an incident is resolved, each customer concerned gets
// one survey link per touchpoint (planSurveys' dedup rule), e-mailed through the outbox when the customer has an
// address, and shown to the steward and the partner to copy into their own channels. All in the caller's transaction.

type Moment = {
  customerId: string;
  touchpointId: string;
  partnerId: string;
  at: Date;
  interactionId: string | null;
  incidentId: string | null;
};

/** Invites the customers of these just-recorded interactions; returns how many surveys were made. */
export async function inviteAfterInteractions(db: Db, tenantId: string, interactionIds: string[], now = new Date()) {
  if (interactionIds.length === 0) return 0;
  const { feedback } = await getTenantSettings(db, tenantId);
  const since = new Date(now.getTime() - feedback.linkValidDays * 86_400_000);
  // Only recent interactions at moments of truth: an import of last year's history asks nobody.
  const moments = await db.$queryRaw<Moment[]>`
    select i."customerId", i."touchpointId", i."partnerId", i."occurredAt" as at, i.id as "interactionId", null as "incidentId"
    from "Interaction" i
    join "Touchpoint" t on t."tenantId" = i."tenantId" and t.id = i."touchpointId" and t."isMomentOfTruth"
    where i."tenantId" = ${tenantId} and i.id = any(${interactionIds}::text[])
      and i."customerId" is not null and i."occurredAt" >= ${since} and i."occurredAt" <= ${now}
    order by i."occurredAt", i.id`;
  return invite(db, tenantId, moments, "interaction", now);
}

/** Invites the customer of an incident just resolved about the touchpoint where it happened. */
export async function inviteAfterIncident(db: Db, tenantId: string, incidentId: string, now = new Date()) {
  const moments = await db.$queryRaw<Moment[]>`
    select i."customerId", i."touchpointId", i."partnerId", ${now} as at,
           (select x.id from "Interaction" x
            where x."tenantId" = i."tenantId" and x."customerId" = i."customerId" and x."touchpointId" = i."touchpointId"
              and x."partnerId" = i."partnerId" and x."occurredAt" <= i."openedAt" and x.csat is null and x.nps is null
            order by x."occurredAt" desc limit 1) as "interactionId",
           i.id as "incidentId"
    from "Incident" i
    where i."tenantId" = ${tenantId} and i.id = ${incidentId} and i."customerId" is not null`;
  return invite(db, tenantId, moments, "incident", now);
}

async function invite(db: Db, tenantId: string, candidates: Moment[], source: string, now: Date) {
  const moments = await withoutStoppedCustomers(db, tenantId, candidates);
  if (moments.length === 0) return 0;
  const { feedback } = await getTenantSettings(db, tenantId);
  // The dedup rule is per customer and touchpoint, whichever partner's survey it was: read with the partner scope
  // lifted (a partner's transaction sees only its own surveys), like the outbox insert below.
  const last = await asWorkspace(
    db,
    tenantId,
    () => db.$queryRaw<{ customerId: string; touchpointId: string; createdAt: Date }[]>`
    select "customerId", "touchpointId", max("createdAt") as "createdAt"
    from "CustomerFeedback"
    where "tenantId" = ${tenantId} and "customerId" = any(${moments.map((m) => m.customerId)}::text[])
      and "touchpointId" = any(${moments.map((m) => m.touchpointId)}::text[]) and "tokenHash" is not null
    group by 1, 2`,
  );
  const chosen = planSurveys(moments, last, feedback.surveyEveryDays, now);
  if (chosen.length === 0) return 0;
  const expiresAt = new Date(now.getTime() + feedback.linkValidDays * 86_400_000);
  const rows = chosen.map((m) => {
    const id = uuidv7();
    return {
      tenantId,
      id,
      partnerId: m.partnerId,
      touchpointId: m.touchpointId,
      customerId: m.customerId,
      interactionId: m.interactionId,
      incidentId: m.incidentId,
      source,
      tokenHash: hashSurveyToken(surveyToken(tenantId, id)),
      expiresAt,
      createdAt: now,
    };
  });
  const recipients = await db.$queryRaw<
    { id: string; email: string | null; touchpoint: string; partner: string; tenant: string }[]
  >`
    select x.id, c.email, t.name as touchpoint, p.name as partner, tn.name as tenant
    from unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.customerId)}::text[],
                ${rows.map((r) => r.touchpointId)}::text[], ${rows.map((r) => r.partnerId)}::text[]) as x(id, customer, touchpoint, partner)
    join "Customer" c on c."tenantId" = ${tenantId} and c.id = x.customer
    join "Touchpoint" t on t."tenantId" = ${tenantId} and t.id = x.touchpoint
    join "Partner" p on p."tenantId" = ${tenantId} and p.id = x.partner
    join "Tenant" tn on tn.id = ${tenantId}`;
  const mailTo = recipients.filter((r) => r.email && isEmailAddress(r.email.trim().toLowerCase()));
  const emailed = new Set(mailTo.map((r) => r.id));
  await db.customerFeedback.createMany({ data: rows.map((r) => ({ ...r, emailed: emailed.has(r.id) })) });
  if (mailTo.length > 0)
    await asWorkspace(db, tenantId, async () => {
      for (const r of mailTo)
        await queueSurveyMail(db, tenantId, {
          feedbackId: r.id,
          email: r.email as string,
          tenantName: r.tenant,
          touchpointName: r.touchpoint,
          partnerName: r.partner,
          surveyUrl: surveyUrl(tenantId, r.id),
          stopUrl: surveyStopUrl(tenantId, r.id),
          expiresAt,
        });
    });
  return rows.length;
}

/** Customers who chose "Stop asking me" get no survey, neither mailed nor as a link for the partner's channels. */
async function withoutStoppedCustomers(db: Db, tenantId: string, moments: Moment[]): Promise<Moment[]> {
  if (moments.length === 0) return moments;
  const stopped = await db.customer.findMany({
    where: { tenantId, id: { in: [...new Set(moments.map((m) => m.customerId))] }, surveysStoppedAt: { not: null } },
    select: { id: true },
  });
  const stop = new Set(stopped.map((c) => c.id));
  return stop.size === 0 ? moments : moments.filter((m) => !stop.has(m.customerId));
}

/**
 * The outbox is the workspace's (steward-only under row-level security), while an interaction or a resolution may
 * come from a partner's key or user. The mail this code writes is the workspace's own, so the partner scope is lifted
 * for that insert alone (and for the dedup read) and restored before anything else runs in the transaction.
 */
async function asWorkspace<T>(db: Db, tenantId: string, work: () => Promise<T>): Promise<T> {
  const [context] = await db.$queryRaw<{ partnerId: string; userId: string }[]>`
    select coalesce(current_setting('app.partner_id', true), '') as "partnerId",
           coalesce(current_setting('app.user_id', true), '') as "userId"`;
  if (!context.partnerId) return work();
  await setContext(db, { tenantId });
  try {
    return await work();
  } finally {
    await setContext(db, { tenantId, partnerId: context.partnerId, userId: context.userId });
  }
}

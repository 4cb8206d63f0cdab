/** Memberships, partner rows with their contacts, and the values-alignment answers. */
import type { Prisma } from "@/generated/prisma/client";
import { computeAlignment } from "@/lib/partners/alignment";
import { ALIGNMENT_QUESTIONS } from "../catalogue/journey";
import { CONTACT_TITLES, FIRST_NAMES, LAST_NAMES } from "../catalogue/names";
import { PARTNER_DESCRIPTIONS } from "../catalogue/partners";
import { addDays, clamp } from "../options";
import type { PartnerUser, PlanContext } from "./context";

export function planMemberships(ctx: PlanContext) {
  const { tenantId, base, userId } = ctx;
  const adminOf = new Map<string, PartnerUser>();
  const agentOf = new Map<string, PartnerUser>();
  const membershipId = ctx.idStream("memberships");
  const memberships: Prisma.MembershipCreateManyInput[] = base.users.map((u) => {
    const partner = u.partnerKey ? base.partners.find((p) => p.key === u.partnerKey)! : null;
    if (partner && u.role === "PARTNER_ADMIN") adminOf.set(partner.id, { id: userId(u.email), email: u.email });
    if (partner && u.role === "PARTNER_AGENT") agentOf.set(partner.id, { id: userId(u.email), email: u.email });
    const createdAt = partner?.contractStart ? addDays(partner.contractStart, 7) : addDays(ctx.tenantCreatedAt, 1);
    return {
      tenantId,
      id: membershipId(createdAt),
      userId: userId(u.email),
      role: u.role,
      partnerId: partner?.id ?? null,
      createdAt,
    };
  });
  return { memberships, adminOf, agentOf };
}

export function planPartnerRows(ctx: PlanContext) {
  const { tenantId } = ctx;
  const pr = ctx.root.fork("partner-rows");
  const contactId = ctx.idStream("contacts");
  const partnerRows: Prisma.PartnerCreateManyInput[] = [];
  const contacts: Prisma.PartnerContactCreateManyInput[] = [];
  for (const p of ctx.base.partners) {
    partnerRows.push({
      tenantId,
      id: p.id,
      name: p.name,
      type: p.type,
      tier: p.tier,
      status: p.status,
      region: p.region,
      contractStart: p.contractStart,
      contractEnd: p.contractEnd,
      website: `https://www.${p.key}.example`,
      description: PARTNER_DESCRIPTIONS[p.type],
      alignmentScore: null, // set by planAlignment from the answers
      createdAt: p.createdAt,
    });
    const n = pr.int(1, 3);
    for (let i = 0; i < n; i++) {
      const first = pr.pick(FIRST_NAMES);
      const last = pr.pick(LAST_NAMES);
      contacts.push({
        tenantId,
        id: contactId(p.createdAt),
        partnerId: p.id,
        name: `${first} ${last}`,
        email: `${first}.${last}@${p.key}.example`.toLowerCase(),
        phone: `+1 555 01${String(pr.int(0, 99)).padStart(2, "0")}`,
        title: i === 0 ? pr.pick(CONTACT_TITLES.slice(0, 2)) : pr.pick(CONTACT_TITLES),
        isPrimary: i === 0,
      });
    }
  }
  return { partnerRows, contacts };
}

/** The questions and each partner's answers; sets each partner row's alignment score from its answers. */
export function planAlignment(ctx: PlanContext, partnerRows: Prisma.PartnerCreateManyInput[]) {
  const { tenantId, now } = ctx;
  const ar = ctx.root.fork("alignment");
  const questionId = ctx.idStream("questions");
  const questions = ALIGNMENT_QUESTIONS.map((q, i) => ({
    tenantId,
    id: questionId(addDays(ctx.tenantCreatedAt, 2)),
    text: q.text,
    weight: q.weight,
    position: i,
    active: true,
  }));
  const answers: Prisma.AlignmentAnswerCreateManyInput[] = [];
  ctx.base.partners.forEach((p, index) => {
    if (!p.alignmentAnswered) return;
    const answeredAt = p.contractStart ? addDays(p.contractStart, -ar.int(10, 40)) : addDays(now, -ar.int(2, 20));
    // A partner still in vetting may not have answered everything yet.
    const count = p.status === "VETTING" ? ar.int(3, questions.length) : questions.length;
    const mine: { questionId: string; rating: number }[] = [];
    for (const q of questions.slice(0, count)) {
      const rating = Math.round(clamp(ar.normal(2.6 + 2.4 * ((p.quality - 0.6) / 0.35), 0.8), 0, 5));
      mine.push({ questionId: q.id, rating });
      answers.push({
        tenantId,
        partnerId: p.id,
        questionId: q.id,
        rating,
        answeredAt,
        note: rating <= 2 ? "Discussed in the vetting call" : null,
      });
    }
    partnerRows[index].alignmentScore = computeAlignment(questions, mine).score;
  });
  return { questions, answers };
}

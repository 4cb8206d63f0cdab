import { withTenant, type Db } from "@/lib/db/scope";
import type { Actor } from "@/lib/incidents/events";
import { incidentPatterns, openPlanFromPattern, openPlanFromScorecard } from "@/lib/plans/open-plan";
import { addActionSchema, evidenceSchema } from "@/lib/plans/schemas";
import { addPlanAction, applyPlanEvent, postEvidence, stepPlanAction } from "@/lib/plans/update-plan";
import { createRng } from "./random";

// Corrective-action plans of a demo tenant at first login (after its scorecards are published): one proposed to the
// demo partner admin's partner (from a pattern of its incidents, else a scorecard in a plan band), one in progress
// with an overdue action, and one verified, opened from other partners' Develop/Probation/Exit scorecards (else their
// incident patterns). Written through lib/plans, so each has its timeline; dated from the month after the scorecard
// they answer. A small tenant with fewer such partners gets fewer plans.

const DAY = 86_400_000;
const ymd = (d: Date) => d.toISOString().slice(0, 10);

type Member = { id: string; userId: string; name: string; role: string; partnerId: string | null };

export async function seedDemoPlans(
  tenantId: string,
  loginPartnerName: string,
  today: Date,
  say: (line: string) => void,
) {
  const rng = createRng(18).fork("plans");
  await withTenant({ tenantId }, async (db) => {
    const members: Member[] = (
      await db.membership.findMany({
        where: { tenantId },
        select: { id: true, userId: true, role: true, partnerId: true, user: { select: { name: true } } },
        orderBy: { createdAt: "asc" },
      })
    ).map((m) => ({ id: m.id, userId: m.userId, name: m.user.name, role: m.role, partnerId: m.partnerId }));
    const stewardMember = members.find((m) => m.role === "STEWARD") ?? members.find((m) => m.role === "OWNER");
    if (!stewardMember) return;
    const steward: Actor = {
      userId: stewardMember.userId,
      label: stewardMember.name,
      kind: "steward",
      membershipId: stewardMember.id,
    };
    const adminOf = (partnerId: string) => members.find((m) => m.partnerId === partnerId && m.role === "PARTNER_ADMIN");
    const partnerActor = (partnerId: string, partnerName: string): Actor | null => {
      const admin = adminOf(partnerId);
      return admin
        ? { userId: admin.userId, label: `${admin.name} (${partnerName})`, kind: "partner", membershipId: admin.id }
        : null;
    };

    // What each plan can answer, per partner with an admin: a published card in a plan band (earliest month first,
    // the weakest first), else a pattern of incidents. The demo partner admin's partner gets the proposed plan.
    const cards = (
      await db.scorecard.findMany({
        where: { tenantId, status: "PUBLISHED", recommendation: { in: ["DEVELOP", "PROBATION", "EXIT"] } },
        orderBy: [{ month: "asc" }, { score: "asc" }, { id: "asc" }],
        select: { id: true, partnerId: true, month: true, partner: { select: { name: true } } },
      })
    ).filter((c) => adminOf(c.partnerId));
    const patterns = (await incidentPatterns(db, tenantId, today)).filter((p) => adminOf(p.partnerId));
    const login = await db.partner.findFirst({ where: { tenantId, name: loginPartnerName }, select: { id: true } });
    type Source = { partnerId: string; partnerName: string; opened: Date; open: (at: Date) => Promise<{ id: string }> };
    const sources: Source[] = [];
    const taken = new Set<string>();
    const fromCard = (c: (typeof cards)[number]): Source => ({
      partnerId: c.partnerId,
      partnerName: c.partner.name,
      opened: new Date(Date.UTC(c.month.getUTCFullYear(), c.month.getUTCMonth() + 1, 3, 9)),
      open: (at) => openPlanFromScorecard(db, tenantId, c.id, steward, at),
    });
    const fromPattern = (p: (typeof patterns)[number], minIncidents?: number): Source => ({
      partnerId: p.partnerId,
      partnerName: p.partnerName,
      opened: new Date(today.getTime() - 35 * DAY),
      open: (at) =>
        openPlanFromPattern(
          db,
          tenantId,
          { partnerId: p.partnerId, touchpointId: p.touchpointId, rootCause: p.rootCause },
          steward,
          at,
          minIncidents,
        ),
    });
    // A strong login partner may have no pattern of three: then its most repeated root cause of the last 90 days.
    const loginPattern = login ? (await incidentPatterns(db, tenantId, today, login.id, 1))[0] : undefined;
    const loginSource = login
      ? (patterns.filter((p) => p.partnerId === login.id).map((p) => fromPattern(p))[0] ??
        cards.filter((c) => c.partnerId === login.id).map(fromCard)[0] ??
        (loginPattern && adminOf(login.id) ? fromPattern(loginPattern, 1) : undefined))
      : undefined;
    if (loginSource) taken.add(loginSource.partnerId);
    for (const source of [...cards.map(fromCard), ...patterns.map((p) => fromPattern(p))])
      if (!taken.has(source.partnerId)) {
        taken.add(source.partnerId);
        sources.push(source);
      }
    const proposed = loginSource ?? sources.shift();
    const [inProgress, verified] = sources;
    let written = 0;

    if (inProgress) {
      const partner = partnerActor(inProgress.partnerId, inProgress.partnerName)!;
      const at = (days: number) => new Date(inProgress.opened.getTime() + days * DAY + rng.int(0, 6) * 3_600_000);
      const plan = await inProgress.open(at(0));
      const owner = `member:${partner.membershipId}`;
      const done = await action(db, tenantId, steward, at(0), {
        planId: plan.id,
        description: "Re-brief every crew member on the doorstep photo and signature rules",
        owner,
        dueOn: ymd(at(14)),
        metric: "complianceScore",
        target: 85,
      });
      await action(db, tenantId, steward, at(0), {
        planId: plan.id,
        description: "Add weekend cover so no route runs without a back-up",
        owner,
        dueOn: ymd(new Date(today.getTime() - 10 * DAY)),
        metric: "incidentScore",
        target: 75,
      });
      await action(db, tenantId, steward, at(0), {
        planId: plan.id,
        description: "Call back every customer with a failed first visit within 24 hours",
        owner,
        // Due in two days: the plan marks it "Due in 2 days" (and the worker reminds its owner if the plan was accepted
        // before that window opened).
        dueOn: ymd(new Date(today.getTime() + 2 * DAY)),
        metric: "experienceScore",
        target: 80,
      });
      await applyPlanEvent(db, tenantId, { planId: plan.id, event: "propose" }, steward, at(0));
      await applyPlanEvent(db, tenantId, { planId: plan.id, event: "accept" }, partner, at(2));
      await postEvidence(
        db,
        tenantId,
        evidenceSchema.parse({
          actionId: done,
          body: "All 38 crew members re-briefed in three sessions; attendance list and the new checklist attached.",
          link: "https://example.com/briefing-attendance.pdf",
          markDone: true,
        }),
        partner,
        at(12),
      );
      written++;
    }
    if (verified) {
      const partner = partnerActor(verified.partnerId, verified.partnerName)!;
      const at = (days: number) => new Date(verified.opened.getTime() + days * DAY + rng.int(0, 6) * 3_600_000);
      const plan = await verified.open(at(1));
      const owner = `member:${partner.membershipId}`;
      const ids = [
        await action(db, tenantId, steward, at(1), {
          planId: plan.id,
          description: "Fix the job hand-off so no booking is lost between dispatch and the crew",
          owner,
          dueOn: ymd(at(15)),
          metric: "score",
          target: 60,
        }),
        await action(db, tenantId, steward, at(1), {
          planId: plan.id,
          description: "Run a weekly audit of ten completed jobs and share the results",
          owner,
          dueOn: ymd(at(25)),
          metric: "complianceScore",
          target: 80,
        }),
      ];
      await applyPlanEvent(db, tenantId, { planId: plan.id, event: "propose" }, steward, at(1));
      await applyPlanEvent(db, tenantId, { planId: plan.id, event: "accept" }, partner, at(3));
      for (const [n, actionId] of ids.entries()) {
        await postEvidence(
          db,
          tenantId,
          evidenceSchema.parse({
            actionId,
            body:
              n === 0
                ? "Dispatch now confirms every hand-off in the app; zero lost bookings in the last four weeks."
                : "Four weekly audits done (40 jobs); findings and fixes in the shared report.",
            link: n === 0 ? "https://example.com/handoff-report.pdf" : "https://example.com/weekly-audits.pdf",
            markDone: true,
          }),
          partner,
          at(10 + n * 5),
        );
        await stepPlanAction(db, tenantId, { actionId, step: "verify" }, steward, at(12 + n * 5));
      }
      await applyPlanEvent(db, tenantId, { planId: plan.id, event: "verify" }, steward, at(20));
      written++;
    }
    if (proposed) {
      const owner = adminOf(proposed.partnerId)!;
      const opened = new Date(today.getTime() - 2 * DAY);
      const plan = await proposed.open(opened);
      await action(db, tenantId, steward, opened, {
        planId: plan.id,
        description: "Find and fix the root cause of the repeated incidents; share the fix with the brand",
        owner: `member:${owner.id}`,
        dueOn: ymd(new Date(today.getTime() + 14 * DAY)),
        metric: "incidentScore",
        target: 90,
      });
      await action(db, tenantId, steward, opened, {
        planId: plan.id,
        description: "Train the team on the corrected procedure and report attendance",
        owner: `member:${owner.id}`,
        dueOn: ymd(new Date(today.getTime() + 30 * DAY)),
        metric: "experienceScore",
        target: 85,
      });
      await applyPlanEvent(
        db,
        tenantId,
        { planId: plan.id, event: "propose" },
        steward,
        new Date(today.getTime() - DAY),
      );
      written++;
    }
    say(`  corrective-action plans: ${written} written`);
  });
}

async function action(
  db: Db,
  tenantId: string,
  steward: Actor,
  now: Date,
  input: { planId: string; description: string; owner: string; dueOn: string; metric: string; target: number },
) {
  return (await addPlanAction(db, tenantId, addActionSchema.parse(input), steward, now)).id;
}

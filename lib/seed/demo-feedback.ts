import { withTenant } from "@/lib/db/scope";
import { uuidv7 } from "@/lib/api/ids";
import { hashSurveyToken, surveyToken } from "@/lib/feedback/token";
import { addCauses, type CauseCategory } from "@/lib/costs/causes";
import { createRng } from "./random";

// Demo data for issue 19: customers' survey answers with comments for the interactions of the last weeks at moments
// of truth (the answers agree with the CSAT/NPS the demo interactions already carry, so the published scorecards stay
// as they were), and open survey links for the newest ones. Deterministic: the same seed, the same rows.

const COMMENTS: Record<"low" | "neutral" | "high", string[]> = {
  low: [
    "Nobody called before the delivery window; I waited in all day.",
    "The installer left without testing the machine and it leaked.",
    "Box was crushed on one side and the driver would not wait while I checked.",
    "Rescheduled twice, and no one apologised.",
    "They did not take the old appliance away although I paid for it.",
  ],
  neutral: [
    "Arrived late but the crew was friendly.",
    "Fine in the end, but I had to chase the tracking link.",
    "Installation worked, the mess they left less so.",
  ],
  high: [
    "On time to the minute and they took the packaging away.",
    "Very careful with the stairs and the floor. Thank you!",
    "The installer explained every setting before leaving.",
    "Quick, polite, and they called 30 minutes ahead.",
    "Better than the shop promised.",
  ],
};

const DAY = 86_400_000;

const CATEGORY_WORDS: [CauseCategory, RegExp][] = [
  ["people", /staff|sick|trained|technician|crew/i],
  ["system", /system|app\b|feed|integration|queue|sync|data|code/i],
  ["product", /product|listing|content|copy/i],
  ["external", /breakdown|weather|traffic/i],
  ["process", /route|schedul|booked|hand-off|review|backlog|shift|dispatcher|flag/i],
];

/**
 * The root-cause taxonomy of a demo tenant: one cause per distinct free-text root cause of its incidents, in a
 * category named by its words; adding them files every resolved incident under its cause.
 */
async function seedDemoCauses(db: Parameters<Parameters<typeof withTenant>[1]>[0], tenantId: string) {
  const texts = await db.$queryRaw<{ text: string }[]>`
    select distinct trim("rootCause") as text from "Incident"
    where "tenantId" = ${tenantId} and "rootCause" is not null and length(trim("rootCause")) between 2 and 80
    order by 1`;
  const causes = texts.map(({ text }) => ({
    label: text,
    category: CATEGORY_WORDS.find(([, words]) => words.test(text))?.[0] ?? ("partner" as CauseCategory),
  }));
  return addCauses(db, tenantId, causes);
}

/** Survey answers, open links and the root-cause taxonomy of a demo tenant; returns how many surveys were made. */
export async function seedDemoFeedback(tenantId: string, today: Date): Promise<number> {
  const rng = createRng(`feedback:${tenantId}`);
  return withTenant(
    { tenantId },
    async (db) => {
      const since = new Date(today.getTime() - 45 * DAY);
      const moments = await db.$queryRaw<
        {
          id: string;
          partnerId: string;
          touchpointId: string;
          customerId: string;
          occurredAt: Date;
          csat: number | null;
          nps: number | null;
        }[]
      >`
        select distinct on (i."customerId", i."touchpointId")
               i.id, i."partnerId", i."touchpointId", i."customerId", i."occurredAt", i.csat, i.nps
        from "Interaction" i
        join "Touchpoint" t on t."tenantId" = i."tenantId" and t.id = i."touchpointId" and t."isMomentOfTruth"
        where i."tenantId" = ${tenantId} and i."customerId" is not null
          and i."occurredAt" >= ${since} and i."occurredAt" < ${today}
        order by i."customerId", i."touchpointId", i."occurredAt" desc, i.id`;
      const ordered = moments.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : 1));
      const picked = ordered.filter(() => rng.chance(0.5)).slice(-600);
      const rows = picked.map((m) => {
        const id = uuidv7();
        const createdAt = new Date(m.occurredAt.getTime() + 2 * 3_600_000);
        const recent = today.getTime() - m.occurredAt.getTime() < 4 * DAY;
        // Older moments were mostly answered (with the interaction's own scores); the newest links are still open.
        const answered = !recent && (m.csat !== null || m.nps !== null) && rng.chance(0.8);
        const band = (m.csat ?? 3) <= 2 ? "low" : (m.csat ?? 3) === 3 ? "neutral" : "high";
        return {
          tenantId,
          id,
          partnerId: m.partnerId,
          touchpointId: m.touchpointId,
          customerId: m.customerId,
          interactionId: m.id,
          source: "interaction",
          tokenHash: hashSurveyToken(surveyToken(tenantId, id)),
          emailed: rng.chance(0.7),
          createdAt,
          expiresAt: new Date(createdAt.getTime() + 14 * DAY),
          answeredAt: answered ? new Date(createdAt.getTime() + rng.int(1, 48) * 3_600_000) : null,
          csat: answered ? m.csat : null,
          nps: answered ? m.nps : null,
          comment: answered && rng.chance(0.6) ? rng.pick(COMMENTS[band]) : null,
        };
      });
      await db.customerFeedback.createMany({ data: rows });
      await seedDemoCauses(db, tenantId);
      return rows.length;
    },
    { timeoutMs: 120_000 },
  );
}

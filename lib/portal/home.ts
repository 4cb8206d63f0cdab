import { withTenant } from "@/lib/db/scope";
import { quarterOf } from "@/lib/scorecards/feedback";
import { monthStart } from "@/lib/months";
import { quartileOf, type Quartile } from "./quartile";

// The portal home a partner opens daily: what needs them now, their latest published score, and where it puts
// them among partners of their type (a quartile from their own scorecard's rank, never another partner's row).
// Every query runs in the partner's scope, so row-level security hides other partners even if a filter slipped.

export type PartnerScope = { tenantId: string; partnerId: string; userId: string };

type WaitingIncident = {
  id: string;
  number: number;
  title: string;
  severity: string;
  status: string;
  /** The deadline the clock runs towards: acknowledge first, then resolve; null while paused (waiting). */
  nextDeadline: "ACKNOWLEDGE" | "RESOLVE" | null;
  dueAt: Date | null;
  /** Whole minutes to the deadline; negative when it has passed. */
  minutesLeft: number | null;
};

type StandardTodo = { id: string; name: string; touchpoint: string };

type LatestScore = {
  month: Date;
  score: number | null;
  change: number | null;
  recommendation: string | null;
  peerType: string;
  peerCount: number | null;
  quartile: Quartile | null;
};

export type PortalHome = {
  incidents: { total: number; breached: number; items: WaitingIncident[] };
  toAcknowledge: StandardTodo[];
  assessmentsDue: { period: Date; standards: StandardTodo[] };
  survey: { quarter: string; answered: boolean };
  latest: LatestScore | null;
};

const INCIDENTS_SHOWN = 8;

type IncidentRow = Omit<WaitingIncident, "nextDeadline" | "minutesLeft"> & {
  acknowledged: boolean;
  total: number;
  breached: number;
};
type StandardRow = StandardTodo & { acknowledged: boolean; assessed: boolean };
type ScoreRow = Omit<LatestScore, "quartile"> & { rank: number | null };

export async function portalHome(scope: PartnerScope, now = new Date()): Promise<PortalHome> {
  const { tenantId, partnerId, userId } = scope;
  const lastMonth = monthStart(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)));
  const quarter = quarterOf(now);
  return withTenant(scope, async (db) => {
    const incidents = await db.$queryRaw<IncidentRow[]>`
      select i.id, i.number, i.title, i.severity::text as severity, i.status::text as status, i."nextDueAt" as "dueAt",
             i."acknowledgedAt" is not null as acknowledged,
             count(*) over ()::int as total,
             (count(*) filter (where i."nextDueAt" < ${now}) over ())::int as breached
      from "Incident" i
      where i."tenantId" = ${tenantId} and i."partnerId" = ${partnerId}
        and i.status in ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'WAITING')
      order by i."nextDueAt" asc nulls last, i."openedAt" asc
      limit ${INCIDENTS_SHOWN}`;
    // The current standards at the touchpoints this partner handles, with whether it acknowledged each and
    // whether last month was measured (any version of the standard; a rejected self-report does not count).
    const standards = await db.$queryRaw<StandardRow[]>`
      select s.id, s.name, t.name as touchpoint,
             exists (select 1 from "StandardAcknowledgement" a
                     where a."tenantId" = s."tenantId" and a."standardId" = s.id and a."partnerId" = ${partnerId}) as acknowledged,
             exists (select 1 from "Assessment" x
                     join "ExperienceStandard" v on v."tenantId" = x."tenantId" and v.id = x."standardId"
                     where x."tenantId" = s."tenantId" and v."lineageId" = s."lineageId" and x."partnerId" = ${partnerId}
                       and x.period = ${lastMonth}::date and x.verification <> 'REJECTED') as assessed
      from "ExperienceStandard" s
      join "Touchpoint" t on t."tenantId" = s."tenantId" and t.id = s."touchpointId"
      join "TouchpointPartner" tp on tp."tenantId" = s."tenantId" and tp."touchpointId" = s."touchpointId" and tp."partnerId" = ${partnerId}
      where s."tenantId" = ${tenantId} and s."isCurrent"
      order by t.position, t.name, s.name`;
    const [survey] = await db.$queryRaw<{ answered: boolean }[]>`
      select exists (select 1 from "PartnerSurveyResponse"
                     where "tenantId" = ${tenantId} and "partnerId" = ${partnerId} and "userId" = ${userId}
                       and quarter = ${quarter}) as answered`;
    const [score] = await db.$queryRaw<ScoreRow[]>`
      select s.month, s.score, s.change, s.recommendation::text as recommendation, s.rank, s."peerCount",
             p.type::text as "peerType"
      from "Scorecard" s join "Partner" p on p."tenantId" = s."tenantId" and p.id = s."partnerId"
      where s."tenantId" = ${tenantId} and s."partnerId" = ${partnerId} and s.status = 'PUBLISHED'
      order by s.month desc, s.version desc
      limit 1`;
    const todo = ({ id, name, touchpoint }: StandardRow): StandardTodo => ({ id, name, touchpoint });
    return {
      incidents: {
        total: incidents[0]?.total ?? 0,
        breached: incidents[0]?.breached ?? 0,
        items: incidents.map(({ acknowledged, total: _t, breached: _b, ...i }) => ({
          ...i,
          nextDeadline: i.dueAt === null ? null : acknowledged ? "RESOLVE" : "ACKNOWLEDGE",
          minutesLeft: i.dueAt === null ? null : Math.floor((i.dueAt.getTime() - now.getTime()) / 60_000),
        })),
      },
      toAcknowledge: standards.filter((s) => !s.acknowledged).map(todo),
      assessmentsDue: { period: lastMonth, standards: standards.filter((s) => !s.assessed).map(todo) },
      survey: { quarter, answered: survey.answered },
      latest: score ? { ...withoutRank(score), quartile: quartileOf(score.rank, score.peerCount) } : null,
    };
  });
}

function withoutRank({ rank: _rank, ...score }: ScoreRow): Omit<LatestScore, "quartile"> {
  return score;
}

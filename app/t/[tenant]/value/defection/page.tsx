import type { Metadata } from "next";
import Link from "next/link";
import { requireSteward } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { loadDefectionPage } from "@/lib/defection/pages";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader, ScrollCard } from "@/components/ui/card";
import { HelpDisclosure } from "@/components/ui/help-disclosure";
import { formatMoney, formatPercent } from "../format";
import { rowClass, thClass, theadClass } from "../rollup-table";
import { BasisSwitch } from "./basis-switch";
import { MeasureButton } from "./measure-button";

export const metadata: Metadata = { title: "Defection" };

type Data = NonNullable<Awaited<ReturnType<typeof loadDefectionPage>>["measurement"]>;
type Group = Data["bad"]["B2B"];
type Interval = NonNullable<Group["attributableDefection"]>;

const range = (i: Interval | null, format: (v: number) => string) =>
  i ? `${format(i.estimate)} (95 % interval ${format(i.low)} to ${format(i.high)})` : "—";
const pct = (v: number) => formatPercent(v);
const signedPct = (v: number) => `${v >= 0 ? "+" : ""}${formatPercent(v)}`;

function SampleCell({ group, minimum }: { group: Group; minimum: number }) {
  return (
    <td className="px-4 py-2 text-right tabular-nums">
      {group.treated.toLocaleString("en")} vs {group.controls.toLocaleString("en")}
      {group.unmatched > 0 && (
        <span className="block text-xs text-slate-500">{group.unmatched.toLocaleString("en")} without a match</span>
      )}
      {group.tooLittleData && (
        <span className="block text-xs font-medium text-amber-800">Too little data (fewer than {minimum})</span>
      )}
    </td>
  );
}

const SEGMENTS = ["B2B", "B2C"] as const;

/**
 * Per segment: the figures under their headings (the last heading is the customer counts' column), then how many
 * customers each figure rests on.
 */
function SegmentTable({
  label,
  testId,
  columns,
  minimum,
  row,
}: {
  label: string;
  testId: string;
  columns: string[];
  minimum: number;
  row: (segment: (typeof SEGMENTS)[number]) => { group: Group; figures: React.ReactNode[] };
}) {
  return (
    <ScrollCard label={label}>
      <table className="w-full min-w-[44rem] text-left text-sm" data-testid={testId}>
        <thead className={theadClass}>
          <tr>
            <th className={thClass}>Segment</th>
            {columns.map((c) => (
              <th key={c} className={`${thClass} text-right`}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {SEGMENTS.map((segment) => {
            const { group, figures } = row(segment);
            return (
              <tr key={segment} className={rowClass} data-testid={`${testId}-${segment}`}>
                <td className="px-4 py-2">{segment}</td>
                {figures.map((figure, i) => (
                  <td key={columns[i]} className="px-4 py-2 text-right tabular-nums">
                    {figure}
                  </td>
                ))}
                <SampleCell group={group} minimum={minimum} />
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollCard>
  );
}

export default async function DefectionPage({ params }: PageProps<"/t/[tenant]/value/defection">) {
  const { tenant } = await params;
  const access = await requireSteward(tenant, "workspace:read");
  const { currency } = access.tenant;
  const mayChoose = can(access.membership.role, "value:recompute");
  const stored = await loadDefectionPage(access.tenant.id);
  const data = stored.measurement;
  const base = `/t/${tenant}`;
  const money = (v: number) => `${v >= 0 ? "+" : ""}${formatMoney(v, currency)}`;

  return (
    <div className="space-y-8">
      <PageHeader
        title="Defection"
        description="Do customers stop buying after an incident, and buy more after good service? Measured from your own customers, next to the survey figures equity at risk starts from."
        actions={
          <Link href={`${base}/value`} className={buttonClass("secondary")}>
            Customers & value
          </Link>
        }
      />

      <Card className="space-y-3 p-5">
        <h2 className="text-base font-semibold">Measurement</h2>
        <p className="text-sm text-slate-700" data-testid="defection-computed">
          {stored.computedAt
            ? `Measured ${stored.computedAt.toISOString().slice(0, 19).replace("T", " ")} UTC over incidents from ${data?.from} to ${data?.to}. A measurement runs in the background (up to a minute on a large workspace); the figures below stay until the next one is stored.`
            : stored.running
              ? "Defection is being measured for the first time. This page updates when it is done."
              : "Not computed yet: defection has never been measured for this workspace."}
        </p>
        {stored.failed && <p className="text-sm text-red-700">{stored.failed}</p>}
        {mayChoose ? (
          <MeasureButton tenantSlug={tenant} running={stored.running} first={!stored.computedAt} />
        ) : (
          <p className="text-xs text-slate-500">A steward can start a fresh measurement.</p>
        )}
      </Card>

      <Card className="space-y-3 p-5">
        <h2 className="text-base font-semibold">Basis of equity at risk</h2>
        <p className="text-sm text-slate-700" data-testid="defection-basis">
          Equity at risk now uses the {data?.basis.label ?? "survey figures"}.
        </p>
        {mayChoose && data ? (
          <BasisSwitch tenantSlug={tenant} basis={data.basis.basis} />
        ) : (
          <p className="text-xs text-slate-500">
            {data
              ? "A steward can switch between the survey figures and the measured rates."
              : "Once defection is measured, a steward can switch equity at risk to the measured rates."}
          </p>
        )}
      </Card>

      {data && (
        <>
          <section aria-labelledby="bad-heading" className="space-y-2">
            <h2 id="bad-heading" className="flex items-center gap-1 text-lg font-semibold">
              After a bad experience <HelpDisclosure topic="measuredDefection" base={base} />
            </h2>
            <p className="text-sm text-slate-600">
              Customers with an incident between {data.from} and {data.to} against comparable customers without one
              (same month, segment, purchases in the year before and time since the last purchase). &ldquo;Bought
              again&rdquo; means a purchase within {data.windowDays} days; the measured defection is the share of the
              customers who would have bought again who did not.
            </p>
            <SegmentTable
              label="Measured defection after an incident"
              testId="defection-bad"
              columns={[
                "Survey: stop buying",
                "Measured defection",
                "Bought again: incident vs comparison",
                "Spend change vs comparison",
                "Customers: incident vs comparison",
              ]}
              minimum={data.minimumTreated}
              row={(segment) => {
                const g = data.bad[segment];
                return {
                  group: g,
                  figures: [
                    pct(data.survey.defection[segment]),
                    g.tooLittleData ? "Too little data" : range(g.attributableDefection, pct),
                    <>
                      {pct(g.treatedRepurchase ?? Number.NaN)} vs {pct(g.controlRepurchase ?? Number.NaN)}
                    </>,
                    range(g.spendChangeDifference, money),
                  ],
                };
              }}
            />
          </section>

          <section aria-labelledby="good-heading" className="space-y-2">
            <h2 id="good-heading" className="flex items-center gap-1 text-lg font-semibold">
              After good service <HelpDisclosure topic="goodServiceUplift" base={base} />
            </h2>
            <p className="text-sm text-slate-600">
              Customers with an interaction rated CSAT 4–5 or NPS 9–10 against comparable customers without one, matched
              the same way. The survey says 62 % of B2B and 42 % of B2C customers bought more after a good experience.
            </p>
            <SegmentTable
              label="Buying after good service"
              testId="defection-good"
              columns={[
                "Survey: bought more",
                "Bought more: good vs comparison",
                "Change in buying again",
                "Spend change vs comparison",
                "Customers: good vs comparison",
              ]}
              minimum={data.minimumTreated}
              row={(segment) => {
                const g = data.good[segment];
                return {
                  group: g,
                  figures: [
                    pct(data.survey.boughtMore[segment]),
                    g.tooLittleData
                      ? "Too little data"
                      : `${pct(g.treatedBoughtMore ?? Number.NaN)} vs ${pct(g.controlBoughtMore ?? Number.NaN)}`,
                    range(g.repurchaseLift, signedPct),
                    range(g.spendChangeDifference, money),
                  ],
                };
              }}
            />
          </section>

          <p className="text-xs text-slate-500">
            Intervals: {data.resamples.toLocaleString("en")} bootstrap resamples within each matched group. Comparison
            customers are a fixed sample of your customers ({data.comparisonObservations.toLocaleString("en")}{" "}
            customer-months), each left out of a comparison when an incident or a good interaction happened within{" "}
            {data.windowDays} days of its date. A segment needs at least {data.minimumTreated} matched customers with an
            event for a figure. Change the window in the{" "}
            <Link href={`${base}/settings/value`} className="underline">
              value settings
            </Link>
            .
          </p>
        </>
      )}
    </div>
  );
}

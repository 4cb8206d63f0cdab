import Link from "next/link";
import type { PartnerPageData } from "@/lib/partners/pages";
import { describeTarget } from "@/lib/standards/evaluate";
import { CHANNEL_LABELS } from "@/lib/touchpoints/touchpoints";
import { Card, EmptyState } from "@/components/ui/card";
import { AssessmentOutcome } from "@/components/standards/assessment-outcome";
import { Badge } from "@/components/ui/badge";
import { formatMonth } from "@/lib/months";

/** The touchpoints the partner handles. */
export function TouchpointsSection({ base, partner }: { base: string; partner: PartnerPageData["partner"] }) {
  return (
    <section aria-labelledby="touchpoints-heading">
      <h2 id="touchpoints-heading" className="mb-3 text-lg font-semibold">
        Touchpoints handled
      </h2>
      {partner.touchpoints.length === 0 ? (
        <EmptyState title="No touchpoint assigned">
          Assign this partner on the{" "}
          <Link href={`${base}/touchpoints`} className="text-brand-700 hover:underline">
            journey map
          </Link>
          .
        </EmptyState>
      ) : (
        <Card>
          <ul className="divide-y divide-slate-100 text-sm" data-testid="partner-touchpoints">
            {partner.touchpoints.map(({ touchpoint: t }) => (
              <li key={t.id} className="flex items-center justify-between px-4 py-2">
                <span className="font-medium">{t.name}</span>
                <span className="text-xs text-slate-500">
                  {t.stage} · {CHANNEL_LABELS[t.channel]}
                  {t.isMomentOfTruth && (
                    <Badge tone="violet" className="ml-2">
                      moment of truth
                    </Badge>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </section>
  );
}

/** The standards that apply through those touchpoints, with this month's status and acknowledgement. */
export function StandardsSection({ standards, compliance }: Pick<PartnerPageData, "standards" | "compliance">) {
  return (
    <section aria-labelledby="standards-heading">
      <h2 id="standards-heading" className="mb-3 text-lg font-semibold">
        Standards that apply
      </h2>
      {standards.length === 0 ? (
        <EmptyState title="No standard applies yet">
          Standards apply through the touchpoints the partner handles.
        </EmptyState>
      ) : (
        <Card>
          <ul className="divide-y divide-slate-100 text-sm" data-testid="partner-standards">
            {standards.map((s) => {
              const status = compliance.perStandard.find((c) => c.standardId === s.id)?.status ?? "NOT_ASSESSED";
              return (
                <li key={s.id} className="flex items-center justify-between gap-3 px-4 py-2">
                  <span>
                    <span className="font-medium">{s.name}</span>
                    <span className="block text-xs text-slate-500">
                      {s.touchpoint.name} · {describeTarget(s)} · weight {s.weight}
                    </span>
                  </span>
                  <span className="flex shrink-0 gap-1">
                    <Badge tone={status === "MET" ? "green" : status === "NOT_MET" ? "red" : "slate"}>
                      {status === "MET" ? "met" : status === "NOT_MET" ? "not met" : "not assessed"}
                    </Badge>
                    {s.acknowledgements.length > 0 ? (
                      <Badge tone="blue">acknowledged</Badge>
                    ) : (
                      <Badge>not acknowledged</Badge>
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
        </Card>
      )}
    </section>
  );
}

/** The partner's latest assessments. */
export function AssessmentsSection({
  base,
  assessments,
}: {
  base: string;
  assessments: PartnerPageData["assessments"];
}) {
  return (
    <section aria-labelledby="assessments-heading">
      <h2 id="assessments-heading" className="mb-3 text-lg font-semibold">
        Latest assessments
      </h2>
      {assessments.length === 0 ? (
        <EmptyState title="No assessment yet">
          Record one on the{" "}
          <Link href={`${base}/standards`} className="text-brand-700 hover:underline">
            standards
          </Link>{" "}
          page.
        </EmptyState>
      ) : (
        <Card>
          <ul className="divide-y divide-slate-100 text-sm">
            {assessments.map((a) => (
              <li key={a.id} className="flex items-center justify-between gap-3 px-4 py-2">
                <span>
                  <span className="font-medium">{a.standard.name}</span>
                  <span className="block text-xs text-slate-500">
                    {formatMonth(a.period)} · v{a.standard.version} · {a.source.toLowerCase().replace("_", " ")}
                  </span>
                </span>
                <AssessmentOutcome assessment={a} />
              </li>
            ))}
          </ul>
        </Card>
      )}
    </section>
  );
}

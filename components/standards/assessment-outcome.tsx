import { formatMeasurement } from "@/lib/standards/evaluate";
import { Badge } from "@/components/ui/badge";

type Assessment = {
  standard: Parameters<typeof formatMeasurement>[0];
  value: Parameters<typeof formatMeasurement>[1];
  met: boolean;
  verification: string;
};

/** What an assessment measured, whether that met the target, and its verification unless verified. */
export function AssessmentOutcome({ assessment: a }: { assessment: Assessment }) {
  return (
    <span className="flex shrink-0 items-center gap-1">
      {formatMeasurement(a.standard, a.value)}
      <Badge tone={a.met ? "green" : "red"}>{a.met ? "met" : "not met"}</Badge>
      {a.verification !== "VERIFIED" && (
        <Badge tone={a.verification === "PENDING" ? "amber" : "red"}>{a.verification.toLowerCase()}</Badge>
      )}
    </span>
  );
}

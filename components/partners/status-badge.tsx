import { Badge, type BadgeTone } from "@/components/ui/badge";
import { PARTNER_STATUS_LABELS, type PartnerStatus } from "@/lib/partners/lifecycle";

const STATUS_TONES: Record<PartnerStatus, BadgeTone> = {
  PROSPECT: "slate",
  VETTING: "blue",
  ACTIVE: "green",
  PROBATION: "amber",
  OFFBOARDED: "red",
};

export function PartnerStatusBadge({ status }: { status: PartnerStatus }) {
  return (
    <Badge tone={STATUS_TONES[status]} data-testid="partner-status">
      {PARTNER_STATUS_LABELS[status]}
    </Badge>
  );
}

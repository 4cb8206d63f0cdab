import { HelpDisclosure } from "@/components/ui/help-disclosure";
import { Badge } from "@/components/ui/badge";

/** The partner's incentive tier (from its latest approved month) with its help, or a dash before any approval. */
export function IncentiveTier({
  tier,
  base,
  label = "Incentive tier",
}: {
  tier: { tier: string; month: string } | null;
  /** The workspace path for the help's setting links (staff pages only). */
  base?: string;
  label?: string;
}) {
  return (
    <div data-testid="incentive-tier">
      <p className="flex items-center gap-1 text-xs text-slate-500">
        {label} <HelpDisclosure topic="incentiveTier" base={base} />
      </p>
      <p className="text-sm">
        <TierText tier={tier} />
      </p>
    </div>
  );
}

function TierText({ tier }: { tier: { tier: string; month: string } | null }) {
  return tier ? (
    <>
      <Badge tone="violet">{tier.tier}</Badge> <span className="text-xs text-slate-600">as of {tier.month}</span>
    </>
  ) : (
    <span className="text-slate-600">— no approved month yet</span>
  );
}

/** The tier as a value inside a definition list (the label is the list's). */
export function IncentiveTierValue({ tier, base }: { tier: { tier: string; month: string } | null; base: string }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1" data-testid="incentive-tier">
      <TierText tier={tier} /> <HelpDisclosure topic="incentiveTier" base={base} />
    </span>
  );
}

import { allowedPartnerTransitions, PARTNER_STATUS_LABELS, isPartnerStatus } from "@/lib/partners/lifecycle";
import type { PartnerPageData } from "@/lib/partners/pages";
import { Card } from "@/components/ui/card";
import { LifecycleForm } from "./lifecycle-form";

type Props = Pick<PartnerPageData, "partner" | "history"> & { tenant: string; write: boolean };

/** The partner's lifecycle status (with the transitions a writer may make) and the history of changes. */
export function LifecycleCard({ tenant, write, partner, history }: Props) {
  return (
    <Card className="p-5">
      <h2 className="mb-3 text-lg font-semibold">Lifecycle</h2>
      {write && isPartnerStatus(partner.status) ? (
        <LifecycleForm tenantSlug={tenant} partnerId={partner.id} allowed={allowedPartnerTransitions(partner.status)} />
      ) : (
        <p className="text-sm text-slate-600">Currently {PARTNER_STATUS_LABELS[partner.status]}.</p>
      )}
      <h3 className="mb-2 mt-5 text-sm font-semibold text-slate-700">History</h3>
      {history.length === 0 ? (
        <p className="text-sm text-slate-600">No changes recorded yet.</p>
      ) : (
        <ul className="space-y-2 text-xs text-slate-600" data-testid="partner-history">
          {history.map((h) => {
            const d = (h.data ?? {}) as { from?: string; to?: string; reason?: string; score?: number };
            return (
              <li key={h.id}>
                <span className="font-medium text-slate-800">
                  {h.action === "partner.status_changed"
                    ? `${d.from} → ${d.to}`
                    : h.action.replace("partner.", "").replace("_", " ")}
                </span>
                {d.reason ? ` — “${d.reason}”` : ""}
                {h.action === "partner.alignment_assessed" && d.score !== undefined ? ` — score ${d.score}` : ""}
                <span className="block">
                  {h.actorLabel} · {h.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

import Link from "next/link";
import type { PartnerPageData } from "@/lib/partners/pages";
import { Card, EmptyState } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { day } from "./dates";

/** The partner's recent incidents. */
export function IncidentsSection({ base, incidents }: { base: string; incidents: PartnerPageData["incidents"] }) {
  return (
    <section aria-labelledby="incidents-heading">
      <h2 id="incidents-heading" className="mb-3 text-lg font-semibold">
        Incidents
      </h2>
      {incidents.length === 0 ? (
        <EmptyState title="No incident recorded" />
      ) : (
        <Card>
          <ul className="divide-y divide-slate-100 text-sm">
            {incidents.map((i) => (
              <li key={i.id} className="flex items-center justify-between gap-3 px-4 py-2">
                <span>
                  <Link href={`${base}/incidents/${i.id}`} className="font-medium text-brand-700 hover:underline">
                    INC-{i.number}
                  </Link>{" "}
                  {i.title}
                  <span className="block text-xs text-slate-500">{day(i.openedAt)}</span>
                </span>
                <span className="flex shrink-0 gap-1">
                  <Badge tone={i.severity === "CRITICAL" || i.severity === "HIGH" ? "red" : "slate"}>
                    {i.severity.toLowerCase()}
                  </Badge>
                  <Badge>{i.status.toLowerCase().replace("_", " ")}</Badge>
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </section>
  );
}

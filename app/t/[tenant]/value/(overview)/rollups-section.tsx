import type { ValueOverviewMonth as Overview } from "@/lib/value/pages";
import { Card } from "@/components/ui/card";
import { RollupBarChart } from "../charts";
import { RollupTable } from "../rollup-table";

/** Customer equity by serving and acquiring partner, touchpoint, segment and channel. */
export function RollupsSection({
  tenant,
  rollups,
  currency,
}: {
  tenant: string;
  rollups: Overview["rollups"];
  currency: string;
}) {
  const total = rollups.total.equity;
  const partnerHref = (key: string | null) => (key ? `/t/${tenant}/partners/${key}` : undefined);
  return (
    <section aria-labelledby="rollups-heading" className="space-y-6">
      <h2 id="rollups-heading" className="text-lg font-semibold">
        Customer equity by…
      </h2>
      <div className="space-y-2">
        <h3 className="font-medium">Serving partner</h3>
        <p className="text-sm text-slate-600">
          Each customer&apos;s CLV is split over the partners that served them in proportion to the margin they served,
          so the rows add up to the total. The last column gives the full CLV of every customer a partner served at
          least once.
        </p>
        <div className="grid gap-4 *:min-w-0 lg:grid-cols-2">
          <RollupTable
            currency={currency}
            caption="Equity by serving partner"
            testId="rollup-serving"
            rows={rollups.byServingPartner.map((r) => ({ ...r, href: partnerHref(r.key) }))}
            total={total}
            showServed
          />
          <Card className="p-4">
            <RollupBarChart currency={currency} data={rollups.byServingPartner} label="Equity by serving partner" />
          </Card>
        </div>
      </div>
      <div className="grid gap-6 *:min-w-0 lg:grid-cols-2">
        <div className="space-y-2">
          <h3 className="font-medium">Acquiring partner</h3>
          <p className="text-sm text-slate-600">
            The whole CLV of each customer goes to the partner that acquired them.
          </p>
          <RollupTable
            currency={currency}
            caption="Equity by acquiring partner"
            testId="rollup-acquiring"
            rows={rollups.byAcquiringPartner.map((r) => ({ ...r, href: partnerHref(r.key) }))}
            total={total}
          />
        </div>
        <div className="space-y-2">
          <h3 className="font-medium">Touchpoint</h3>
          <p className="text-sm text-slate-600">
            CLV split by the customer&apos;s share of interactions at each touchpoint.
          </p>
          <RollupTable
            currency={currency}
            caption="Equity by touchpoint"
            testId="rollup-touchpoint"
            rows={rollups.byTouchpoint}
            total={total}
          />
        </div>
        <div className="space-y-2">
          <h3 className="font-medium">Segment</h3>
          <RollupTable
            currency={currency}
            caption="Equity by segment"
            testId="rollup-segment"
            rows={rollups.bySegment}
            total={total}
          />
          <Card className="p-4">
            <RollupBarChart currency={currency} data={rollups.bySegment} label="Equity by segment" />
          </Card>
        </div>
        <div className="space-y-2">
          <h3 className="font-medium">Channel</h3>
          <p className="text-sm text-slate-600">CLV split by the margin bought through each channel.</p>
          <RollupTable
            currency={currency}
            caption="Equity by channel"
            testId="rollup-channel"
            rows={rollups.byChannel}
            total={total}
          />
          <Card className="p-4">
            <RollupBarChart currency={currency} data={rollups.byChannel} label="Equity by channel" />
          </Card>
        </div>
      </div>
    </section>
  );
}

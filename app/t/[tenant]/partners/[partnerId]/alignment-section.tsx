import Link from "next/link";
import type { PartnerPageData } from "@/lib/partners/pages";
import { Card } from "@/components/ui/card";
import { AlignmentForm } from "./alignment-form";

type Props = Pick<PartnerPageData, "partner" | "questions"> & { tenant: string; base: string; write: boolean };

/** The values-alignment questionnaire, answered for this partner (read-only without the permission or once offboarded). */
export function AlignmentSection({ tenant, base, write, partner, questions }: Props) {
  return (
    <section aria-labelledby="alignment-heading">
      <h2 id="alignment-heading" className="mb-3 text-lg font-semibold">
        Values-alignment questionnaire
      </h2>
      <Card className="p-5">
        {questions.length === 0 ? (
          <p className="text-sm text-slate-600">
            No alignment questions yet.{" "}
            <Link href={`${base}/settings/alignment`} className="text-brand-700 hover:underline">
              Set them up in settings
            </Link>
            .
          </p>
        ) : (
          <AlignmentForm
            tenantSlug={tenant}
            partnerId={partner.id}
            questions={questions}
            disabled={!write || partner.status === "OFFBOARDED"}
          />
        )}
      </Card>
    </section>
  );
}

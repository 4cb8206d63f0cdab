import type { Metadata } from "next";
import { requireSteward } from "@/lib/auth/guards";
import { ComingSoon } from "@/components/ui/card";

export const metadata: Metadata = { title: "Incidents & escalations" };

export default async function Page({ params }: PageProps<"/t/[tenant]/incidents">) {
  await requireSteward((await params).tenant);
  return (
    <ComingSoon
      title="Incidents & escalations"
      description="Breakdowns of the customer experience, their SLA clocks and the escalation inbox."
      issue="the incidents issue"
    />
  );
}

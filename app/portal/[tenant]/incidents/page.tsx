import type { Metadata } from "next";
import { requirePartner } from "@/lib/auth/guards";
import { ComingSoon } from "@/components/ui/card";

export const metadata: Metadata = { title: "Your incidents" };

export default async function Page({ params }: PageProps<"/portal/[tenant]/incidents">) {
  await requirePartner((await params).tenant);
  return (
    <ComingSoon
      title="Your incidents"
      description="Incidents routed to you, with their SLA clocks: acknowledge, respond, resolve."
      issue="the incidents issue"
    />
  );
}

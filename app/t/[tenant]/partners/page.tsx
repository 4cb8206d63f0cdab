import type { Metadata } from "next";
import { requireSteward } from "@/lib/auth/guards";
import { ComingSoon } from "@/components/ui/card";

export const metadata: Metadata = { title: "Partners" };

export default async function Page({ params }: PageProps<"/t/[tenant]/partners">) {
  await requireSteward((await params).tenant);
  return (
    <ComingSoon
      title="Partners"
      description="The companies in your demand chain: profiles, lifecycle, vetting and values alignment."
      issue="the partner-network issue"
    />
  );
}

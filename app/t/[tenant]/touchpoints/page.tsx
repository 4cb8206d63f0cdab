import type { Metadata } from "next";
import { requireSteward } from "@/lib/auth/guards";
import { ComingSoon } from "@/components/ui/card";

export const metadata: Metadata = { title: "Touchpoints" };

export default async function Page({ params }: PageProps<"/t/[tenant]/touchpoints">) {
  await requireSteward((await params).tenant);
  return (
    <ComingSoon
      title="Touchpoints"
      description="Your customer journey map: who owns which moment, and which are moments of truth."
      issue="the partner-network issue"
    />
  );
}

import type { Metadata } from "next";
import { requireSteward } from "@/lib/auth/guards";
import { ComingSoon } from "@/components/ui/card";

export const metadata: Metadata = { title: "Scorecards" };

export default async function Page({ params }: PageProps<"/t/[tenant]/scorecards">) {
  await requireSteward((await params).tenant);
  return (
    <ComingSoon
      title="Scorecards"
      description="Monthly partner scorecards: compute, review, publish, export."
      issue="the scorecards issue"
    />
  );
}

import type { Metadata } from "next";
import { requirePartner } from "@/lib/auth/guards";
import { ComingSoon } from "@/components/ui/card";

export const metadata: Metadata = { title: "Partner survey" };

export default async function Page({ params }: PageProps<"/portal/[tenant]/survey">) {
  await requirePartner((await params).tenant);
  return (
    <ComingSoon
      title="Partner survey"
      description="Tell the brand how it treats you: communication, fairness, tools, support."
      issue="the scorecards issue"
    />
  );
}

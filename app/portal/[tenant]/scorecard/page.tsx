import type { Metadata } from "next";
import { requirePartner } from "@/lib/auth/guards";
import { ComingSoon } from "@/components/ui/card";

export const metadata: Metadata = { title: "Your scorecard" };

export default async function Page({ params }: PageProps<"/portal/[tenant]/scorecard">) {
  await requirePartner((await params).tenant);
  return (
    <ComingSoon
      title="Your scorecard"
      description="Your monthly scorecard from the brand, its trend, and your comments."
      issue="the scorecards issue"
    />
  );
}

import type { Metadata } from "next";
import { requirePartner } from "@/lib/auth/guards";
import { ComingSoon } from "@/components/ui/card";

export const metadata: Metadata = { title: "Your standards" };

export default async function Page({ params }: PageProps<"/portal/[tenant]/standards">) {
  await requirePartner((await params).tenant);
  return (
    <ComingSoon
      title="Your standards"
      description="The experience standards you must meet: acknowledge them and self-assess."
      issue="the partner-network issue"
    />
  );
}

import type { Metadata } from "next";
import { requireSteward } from "@/lib/auth/guards";
import { ComingSoon } from "@/components/ui/card";

export const metadata: Metadata = { title: "Experience standards" };

export default async function Page({ params }: PageProps<"/t/[tenant]/standards">) {
  await requireSteward((await params).tenant);
  return (
    <ComingSoon
      title="Experience standards"
      description="How each touchpoint must be delivered, and how partners measure up."
      issue="the partner-network issue"
    />
  );
}

import type { Metadata } from "next";
import { requireSteward } from "@/lib/auth/guards";
import { ComingSoon } from "@/components/ui/card";

export const metadata: Metadata = { title: "Customers & value" };

export default async function Page({ params }: PageProps<"/t/[tenant]/value">) {
  await requireSteward((await params).tenant);
  return (
    <ComingSoon
      title="Customers & value"
      description="Customer lifetime value, customer equity by partner and touchpoint, and equity at risk."
      issue="the customer-value issue"
    />
  );
}

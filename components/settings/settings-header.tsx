import type { ReactNode } from "react";
import Link from "next/link";
import { PageHeader } from "@/components/ui/card";

/** A settings section's header: the way back to Settings above the section's title. */
export function SettingsHeader({
  tenantSlug,
  title,
  description,
  actions,
}: {
  tenantSlug: string;
  title: string;
  description?: string;
  actions?: ReactNode;
}) {
  return (
    <>
      <Link href={`/t/${tenantSlug}/settings`} className="text-sm text-brand-700 hover:underline">
        ← Settings
      </Link>
      <PageHeader title={title} description={description} actions={actions} />
    </>
  );
}

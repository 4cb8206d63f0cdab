import type { ReactNode } from "react";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";

/** A settings section with one form: header, the way back to Settings, and who may change it. */
export function SettingsFormPage({ tenantSlug, title, description, readOnly, children }: { tenantSlug: string; title: string; description: string; readOnly: boolean; children: ReactNode }) {
  return (
    <div className="space-y-6">
      <PageHeader
        title={title}
        description={description}
        actions={
          <Link href={`/t/${tenantSlug}/settings`} className="text-sm text-brand-700 hover:underline">
            Back to settings
          </Link>
        }
      />
      <Card className="p-5">
        {readOnly && <p className="mb-4 text-sm text-slate-600">Only owners can change these settings.</p>}
        {children}
      </Card>
    </div>
  );
}

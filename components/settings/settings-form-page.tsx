import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { SettingsHeader } from "./settings-header";

/** A settings section with one form: header, the way back to Settings, and who may change it. */
export function SettingsFormPage({
  tenantSlug,
  title,
  description,
  readOnly,
  editors = "owners",
  children,
}: {
  tenantSlug: string;
  title: string;
  description: string;
  readOnly: boolean;
  /** Who may change the section, as the read-only note names them. */
  editors?: string;
  children: ReactNode;
}) {
  return (
    <div className="space-y-6">
      <SettingsHeader tenantSlug={tenantSlug} title={title} description={description} />
      <Card className="p-5">
        {readOnly && <p className="mb-4 text-sm text-slate-600">Only {editors} can change these settings.</p>}
        {children}
      </Card>
    </div>
  );
}

import type { Metadata } from "next";
import { requireSteward } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { loadEmailSettingsPage } from "@/lib/mail/settings-page";
import { env } from "@/lib/env";
import { KIND_LABELS, type MailKind } from "@/lib/mail/kinds";
import { MAX_ATTEMPTS } from "@/lib/mail/retry";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, EmptyState } from "@/components/ui/card";
import { LogRow, LogTable } from "@/components/ui/log-table";
import { SettingsHeader } from "@/components/settings/settings-header";
import { PreferencesForm } from "@/components/email/preferences-form";
import { saveEmailPreferencesAction } from "./actions";
import { ChatWebhookForm } from "./chat-form";

export const metadata: Metadata = { title: "E-mail" };

const when = (d: Date | null) => (d ? `${d.toISOString().slice(0, 16).replace("T", " ")} UTC` : "—");
const STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  QUEUED: { label: "Queued", tone: "amber" },
  SENT: { label: "Sent", tone: "green" },
  FAILED: { label: "Failed", tone: "red" },
  HELD: { label: "For the digest", tone: "slate" },
  DIGESTED: { label: "In a digest", tone: "slate" },
};

export default async function EmailSettingsPage({ params }: PageProps<"/t/[tenant]/settings/email">) {
  const { tenant } = await params;
  const access = await requireSteward(tenant);
  const tenantId = access.tenant.id;
  const owner = can(access.membership.role, "settings:write");
  const { preferences, recent, chat } = await loadEmailSettingsPage({ tenantId, userId: access.user.id, owner });
  return (
    <div className="space-y-8">
      <SettingsHeader
        tenantSlug={tenant}
        title="E-mail"
        description="Which e-mail Steward sends you, and (for owners) what it sent lately."
      />
      <section aria-labelledby="preferences-heading" className="max-w-xl">
        <h2 id="preferences-heading" className="mb-3 text-lg font-semibold">
          Your e-mail from {access.tenant.name}
        </h2>
        <Card className="p-4">
          <PreferencesForm tenantSlug={tenant} initial={preferences} action={saveEmailPreferencesAction} />
        </Card>
      </section>
      {owner && (
        <section aria-labelledby="chat-heading" className="max-w-xl">
          <h2 id="chat-heading" className="mb-3 text-lg font-semibold">
            Escalations in a chat channel
          </h2>
          <Card className="p-4">
            <ChatWebhookForm tenantSlug={tenant} initial={chat} />
          </Card>
        </section>
      )}
      {owner && (
        <section aria-labelledby="deliveries-heading">
          <h2 id="deliveries-heading" className="mb-1 text-lg font-semibold">
            Recent deliveries
          </h2>
          <p className="mb-3 text-sm text-slate-600">
            {env().SMTP_URL
              ? `Sent through ${new URL(env().SMTP_URL!).hostname}; a message that cannot be sent is retried with backoff up to ${MAX_ATTEMPTS} times, then marked failed.`
              : "No mail server is configured (SMTP_URL): messages stay queued until one is."}
          </p>
          {recent.length === 0 ? (
            <EmptyState title="No e-mail yet">
              Invitations, escalations and published scorecards are mailed and listed here.
            </EmptyState>
          ) : (
            <LogTable
              label="Recent e-mail"
              headers={["Queued", "Kind", "To", "Subject", "Status"]}
              testId="email-deliveries"
            >
              {recent.map((m) => (
                <LogRow key={m.id}>
                  <td className="whitespace-nowrap px-4 py-2 text-xs text-slate-600">{when(m.createdAt)}</td>
                  <td className="px-4 py-2 text-xs">{KIND_LABELS[m.kind as MailKind] ?? m.kind}</td>
                  <td className="break-all px-4 py-2 text-xs">
                    {m.kind === "chat" ? `${new URL(m.recipient).host} (chat)` : m.recipient}
                  </td>
                  <td className="min-w-48 px-4 py-2">{m.subject}</td>
                  <td className="px-4 py-2">
                    <Badge tone={STATUS[m.status]?.tone ?? "slate"}>{STATUS[m.status]?.label ?? m.status}</Badge>
                    <div className="mt-1 text-xs text-slate-500">
                      {m.sentAt ? `Sent ${when(m.sentAt)}` : `${m.attempts} attempt${m.attempts === 1 ? "" : "s"}`}
                    </div>
                    {m.lastError && <div className="mt-1 max-w-xs break-words text-xs text-red-700">{m.lastError}</div>}
                  </td>
                </LogRow>
              ))}
            </LogTable>
          )}
        </section>
      )}
    </div>
  );
}

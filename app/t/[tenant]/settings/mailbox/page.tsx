import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireSteward } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { readWorkspaceMailbox } from "@/lib/mail/mailbox";
import { Card, EmptyState } from "@/components/ui/card";
import { SettingsHeader } from "@/components/settings/settings-header";

export const metadata: Metadata = { title: "Mailbox" };

/** The demo's development mailbox: only while the demo's local SMTP server is the configured one. */
export default async function MailboxPage({ params }: PageProps<"/t/[tenant]/settings/mailbox">) {
  const { tenant } = await params;
  const access = await requireSteward(tenant, "settings:write");
  const dir = env().STEWARD_DEV_MAILBOX_DIR;
  if (!dir) notFound();
  const messages = await readWorkspaceMailbox(dir, access.tenant.id);
  return (
    <div className="space-y-6">
      <SettingsHeader
        tenantSlug={tenant}
        title="Mailbox (demo)"
        description="No mail server is configured, so the demo keeps the mail it sends for this workspace here instead of delivering it. Set SMTP_URL to send real e-mail."
      />
      {messages.length === 0 ? (
        <EmptyState title="No mail yet">
          Invite someone, publish scorecards or let an incident escalate: the e-mail appears here.
        </EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="mailbox">
          {messages.map((m) => (
            <li key={m.id}>
              <Card className="p-4">
                <details>
                  <summary className="cursor-pointer">
                    <span className="font-medium">{m.subject}</span>
                    <span className="block text-xs text-slate-600 sm:inline sm:pl-2">
                      to {m.to} · {m.date}
                    </span>
                  </summary>
                  <pre className="mt-3 whitespace-pre-wrap break-words font-sans text-sm text-slate-800">{m.text}</pre>
                  {m.links.length > 0 && (
                    <ul className="mt-3 space-y-1 text-sm">
                      {m.links.map((link) => (
                        <li key={link} className="break-all">
                          <a className="text-brand-700 underline" href={link}>
                            {link}
                          </a>
                        </li>
                      ))}
                    </ul>
                  )}
                </details>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { requireSteward } from "@/lib/auth/guards";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { loadSettingsPage } from "@/lib/members/settings-page";
import { env } from "@/lib/env";
import { Card, PageHeader, ScrollCard } from "@/components/ui/card";
import { InviteForm } from "./invite-form";
import { RemoveMemberButton, RevokeInvitationButton } from "./member-buttons";

export const metadata: Metadata = { title: "Settings" };

const SETTINGS_SECTIONS = [
  {
    path: "sla",
    title: "SLA policies and escalation",
    description: "Acknowledge and resolve targets per severity, business hours, the escalation ladder.",
  },
  {
    path: "value",
    title: "Value settings",
    description: "The CLV model, margins, discount rate and churn after a bad experience.",
  },
  {
    path: "channel",
    title: "Channel design",
    description: "How you reach customers (transactional, limited, federated network) and how much partners deliver.",
  },
  {
    path: "causes",
    title: "Root causes",
    description: "The short list of causes incidents are filed under, for the cost-of-failure Pareto.",
  },
  {
    path: "alignment",
    title: "Values-alignment questions",
    description: "The weighted questionnaire used when vetting partners.",
  },
  {
    path: "scorecards",
    title: "Scorecard weights and thresholds",
    description: "The weight of each sub-score and the score needed for each recommendation.",
  },
  {
    path: "incentives",
    title: "Incentives",
    description: "Tiers with score thresholds and hysteresis, the monthly bonus pool and its floor score.",
  },
  {
    path: "import",
    title: "Bulk import",
    description:
      "Partners, customers, transactions and interactions from CSV files, with column mapping and an error report.",
    permission: "partners:write",
  },
  {
    path: "api-keys",
    title: "API keys",
    description: "Keys for the integration API (/api/v1), optionally scoped to one partner, with rate limits.",
    permission: "settings:write",
  },
  {
    path: "webhooks",
    title: "Webhooks",
    description: "Signed event deliveries to your systems (incidents, scorecards), with a delivery log.",
    permission: "settings:write",
  },
  {
    path: "email",
    title: "E-mail",
    description:
      "Which e-mail you get (immediately, daily digest or off); owners see recent deliveries and their status.",
  },
  {
    path: "mailbox",
    title: "Mailbox (demo)",
    description: "The mail the demo sent, kept by its local mail server.",
    permission: "settings:write",
    devMailbox: true,
  },
  {
    path: "api-reference",
    title: "API reference",
    description: "The endpoints of the integration API, generated from its OpenAPI document.",
  },
] as const;

export default async function SettingsPage({ params }: PageProps<"/t/[tenant]/settings">) {
  const { tenant } = await params;
  const access = await requireSteward(tenant);
  const manage = can(access.membership.role, "members:manage");
  const { members, invitations, partners } = await loadSettingsPage(access.tenant.id, { manage });
  return (
    <div className="space-y-8">
      <PageHeader title="Settings" description={`Workspace ${access.tenant.name} (/t/${access.tenant.slug}).`} />
      <nav aria-label="Workspace settings">
        <ul className="grid gap-3 sm:grid-cols-2">
          {SETTINGS_SECTIONS.filter(
            (section) => !("permission" in section) || can(access.membership.role, section.permission),
          )
            .filter((section) => !("devMailbox" in section) || env().STEWARD_DEV_MAILBOX_DIR)
            .map((section) => (
              <li key={section.path} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
                <Link
                  href={`/t/${tenant}/settings/${section.path}`}
                  className="font-medium text-brand-700 underline underline-offset-2"
                >
                  {section.title}
                </Link>
                <p className="text-slate-600">{section.description}</p>
              </li>
            ))}
        </ul>
      </nav>
      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="mb-3 text-lg font-semibold">
          Members
        </h2>
        <ScrollCard label="Members">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-2">Name</th>
                <th className="px-4 py-2">E-mail</th>
                <th className="px-4 py-2">Role</th>
                <th className="px-4 py-2">Partner</th>
                {manage && (
                  <th className="px-4 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody data-testid="members">
              {members.map((m) => (
                <tr key={m.id} className="border-b border-slate-100 last:border-0">
                  <td className="px-4 py-2 font-medium">{m.user.name}</td>
                  <td className="px-4 py-2 text-slate-600">{m.user.email}</td>
                  <td className="px-4 py-2">{ROLE_LABELS[m.role]}</td>
                  <td className="px-4 py-2 text-slate-600">{m.partner?.name ?? "—"}</td>
                  {manage && (
                    <td className="px-4 py-2 text-right">
                      {m.user.id !== access.user.id && (
                        <RemoveMemberButton tenantSlug={tenant} membershipId={m.id} name={m.user.name} />
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollCard>
      </section>
      {manage && (
        <section aria-labelledby="invite-heading" className="grid gap-6 *:min-w-0 lg:grid-cols-2">
          <div>
            <h2 id="invite-heading" className="mb-3 text-lg font-semibold">
              Invite someone
            </h2>
            <Card className="p-5">
              <InviteForm tenantSlug={tenant} partners={partners} />
            </Card>
          </div>
          <div>
            <h2 className="mb-3 text-lg font-semibold">Open invitations</h2>
            {invitations.length === 0 ? (
              <p className="text-sm text-slate-600">No open invitations.</p>
            ) : (
              <Card>
                <ul className="divide-y divide-slate-100" data-testid="invitations">
                  {invitations.map((i) => (
                    <li key={i.id} className="flex items-center justify-between gap-3 px-4 py-3 text-sm">
                      <span className="min-w-0">
                        <span className="font-medium break-all">{i.email}</span>
                        <span className="block text-xs text-slate-500">
                          {ROLE_LABELS[i.role]}
                          {i.partner ? ` · ${i.partner.name}` : ""} · expires {i.expiresAt.toISOString().slice(0, 10)}
                        </span>
                      </span>
                      <RevokeInvitationButton tenantSlug={tenant} invitationId={i.id} email={i.email} />
                    </li>
                  ))}
                </ul>
              </Card>
            )}
          </div>
        </section>
      )}
    </div>
  );
}

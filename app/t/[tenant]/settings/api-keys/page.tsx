import type { Metadata } from "next";
import Link from "next/link";
import { requireSteward } from "@/lib/auth/guards";
import { loadApiKeysPage } from "@/lib/api/keys-page";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, ScrollCard } from "@/components/ui/card";
import { CreateApiKeyForm, RevokeApiKeyButton } from "./api-key-forms";
import { SettingsHeader } from "@/components/settings/settings-header";

export const metadata: Metadata = { title: "API keys" };

const when = (d: Date | null) => (d ? `${d.toISOString().slice(0, 16).replace("T", " ")} UTC` : "—");

export default async function ApiKeysPage({ params }: PageProps<"/t/[tenant]/settings/api-keys">) {
  const { tenant } = await params;
  const access = await requireSteward(tenant, "settings:write");
  const tenantId = access.tenant.id;
  const { keys, partners } = await loadApiKeysPage(tenantId);
  return (
    <div className="space-y-8">
      <SettingsHeader
        tenantSlug={tenant}
        title="API keys"
        description="Keys let the brand's systems and partners' systems use the integration API (/api/v1). A key is shown once when it is created and stored only as a hash. A partner key reads and writes only its own partner's data."
        actions={
          <Link
            href={`/t/${tenant}/settings/api-reference`}
            className="text-sm font-medium text-brand-700 hover:underline"
          >
            API reference →
          </Link>
        }
      />
      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading" className="mb-3 text-lg font-semibold">
          Keys
        </h2>
        {keys.length === 0 ? (
          <EmptyState title="No API keys yet">Create one below for each system that talks to Steward.</EmptyState>
        ) : (
          <ScrollCard label="API keys">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="px-4 py-2">Name</th>
                  <th className="px-4 py-2">Key</th>
                  <th className="px-4 py-2">Scope</th>
                  <th className="px-4 py-2">Rate limit</th>
                  <th className="px-4 py-2">Created</th>
                  <th className="px-4 py-2">Last used</th>
                  <th className="px-4 py-2">
                    <span className="sr-only">Status and actions</span>
                  </th>
                </tr>
              </thead>
              <tbody data-testid="api-keys">
                {keys.map((k) => (
                  <tr key={k.id} className="border-b border-slate-100 last:border-0">
                    <td className="px-4 py-2 font-medium">{k.name}</td>
                    <td className="px-4 py-2 font-mono text-xs text-slate-600">{k.prefix}…</td>
                    <td className="px-4 py-2">{k.partner ? `Partner: ${k.partner.name}` : "Whole workspace"}</td>
                    <td className="px-4 py-2">{k.rateLimitPerMinute.toLocaleString("en")}/min</td>
                    <td className="px-4 py-2 text-slate-600">{when(k.createdAt)}</td>
                    <td className="px-4 py-2 text-slate-600">{when(k.lastUsedAt)}</td>
                    <td className="px-4 py-2 text-right">
                      {k.revokedAt ? (
                        <Badge tone="red" title={`Revoked ${when(k.revokedAt)}`}>
                          Revoked
                        </Badge>
                      ) : (
                        <RevokeApiKeyButton tenantSlug={tenant} apiKeyId={k.id} name={k.name} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollCard>
        )}
      </section>
      <section aria-labelledby="create-heading" className="max-w-xl">
        <h2 id="create-heading" className="mb-3 text-lg font-semibold">
          Create a key
        </h2>
        <Card className="p-5">
          <CreateApiKeyForm tenantSlug={tenant} partners={partners} />
        </Card>
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import { requireSteward } from "@/lib/auth/guards";
import { loadWebhooksPage } from "@/lib/webhooks/settings-page";
import { MAX_ATTEMPTS } from "@/lib/webhooks/retry";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, EmptyState } from "@/components/ui/card";
import { LogRow, LogTable } from "@/components/ui/log-table";
import { Pagination } from "@/components/ui/pagination";
import { CreateWebhookForm, EndpointButtons, RetryDeliveryButton } from "./webhook-forms";
import { SettingsHeader } from "@/components/settings/settings-header";

export const metadata: Metadata = { title: "Webhooks" };

const when = (d: Date | null) => (d ? `${d.toISOString().slice(0, 19).replace("T", " ")} UTC` : "—");
const STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  PENDING: { label: "Pending", tone: "amber" },
  DELIVERED: { label: "Delivered", tone: "green" },
  FAILED: { label: "Failed", tone: "red" },
};

export default async function WebhooksPage({ params, searchParams }: PageProps<"/t/[tenant]/settings/webhooks">) {
  const { tenant } = await params;
  const access = await requireSteward(tenant, "settings:write");
  const tenantId = access.tenant.id;
  const requested = Number((await searchParams).page ?? 1);
  const page = Number.isInteger(requested) && requested > 0 ? requested : 1;
  const { endpoints, log } = await loadWebhooksPage(tenantId, { page });
  return (
    <div className="space-y-8">
      <SettingsHeader
        tenantSlug={tenant}
        title="Webhooks"
        description={`Steward POSTs events to your endpoints as JSON, signed with HMAC-SHA256 in the Standard Webhooks scheme (headers webhook-id, webhook-timestamp, webhook-signature: "v1," + base64 HMAC of "id.timestamp.body" keyed with the secret's bytes after whsec_). Answer 2xx within 10 seconds; otherwise the event is retried with backoff (1 min, 5 min, 30 min, 2 h, 6 h, 12 h, 24 h) up to ${MAX_ATTEMPTS} attempts.`}
      />
      <section aria-labelledby="endpoints-heading">
        <h2 id="endpoints-heading" className="mb-3 text-lg font-semibold">
          Endpoints
        </h2>
        {endpoints.length === 0 ? (
          <EmptyState title="No webhook endpoints yet">
            Add one below to be told when incidents open, escalate or resolve, and when scorecards are published.
          </EmptyState>
        ) : (
          <LogTable
            label="Webhook endpoints"
            headers={["URL", "Events", "Status", "Deliveries", null]}
            testId="webhook-endpoints"
          >
            {endpoints.map((e) => (
              <LogRow key={e.id}>
                <td className="max-w-xs break-all px-4 py-2 font-mono text-xs">{e.url}</td>
                <td className="px-4 py-2 text-xs">{e.events.join(", ")}</td>
                <td className="px-4 py-2">{e.active ? <Badge tone="green">Active</Badge> : <Badge>Disabled</Badge>}</td>
                <td className="px-4 py-2 text-xs text-slate-600">
                  {e.delivered} delivered · {e.pending} pending · {e.failed} failed
                </td>
                <td className="px-4 py-2 text-right">
                  <EndpointButtons tenantSlug={tenant} endpointId={e.id} url={e.url} active={e.active} />
                </td>
              </LogRow>
            ))}
          </LogTable>
        )}
      </section>
      <section aria-labelledby="create-heading" className="max-w-xl">
        <h2 id="create-heading" className="mb-3 text-lg font-semibold">
          Add an endpoint
        </h2>
        <Card className="p-5">
          <CreateWebhookForm tenantSlug={tenant} />
        </Card>
      </section>
      <section aria-labelledby="log-heading" className="space-y-3">
        <h2 id="log-heading" className="text-lg font-semibold">
          Delivery log
        </h2>
        {log.total === 0 ? (
          <EmptyState title="No deliveries yet">
            Events appear here within seconds of happening, once an endpoint subscribes to them.
          </EmptyState>
        ) : (
          <>
            <LogTable
              label="Recent deliveries"
              headers={["Event", "Endpoint", "Status", "Attempts", "Last attempt", "Result", null]}
              testId="webhook-deliveries"
            >
              {log.rows.map((d) => (
                <LogRow key={d.id}>
                  <td className="px-4 py-2">
                    <code className="text-xs">{d.event}</code>
                    <span className="block font-mono text-[11px] text-slate-500">{d.eventId}</span>
                  </td>
                  <td className="max-w-[14rem] break-all px-4 py-2 font-mono text-xs">{d.endpoint.url}</td>
                  <td className="px-4 py-2">
                    <Badge tone={STATUS[d.status]?.tone ?? "slate"}>{STATUS[d.status]?.label ?? d.status}</Badge>
                    {d.status === "PENDING" && d.attempts > 0 && (
                      <span className="block text-xs text-slate-500">next {when(d.nextAttemptAt)}</span>
                    )}
                  </td>
                  <td className="px-4 py-2">{d.attempts}</td>
                  <td className="px-4 py-2 text-xs text-slate-600">{when(d.lastAttemptAt)}</td>
                  <td className="px-4 py-2 text-xs">
                    {d.responseStatus !== null && <span className="font-mono">HTTP {d.responseStatus}</span>}
                    {d.lastError && <span className="block text-red-700">{d.lastError}</span>}
                  </td>
                  <td className="px-4 py-2 text-right">
                    {d.status === "FAILED" && <RetryDeliveryButton tenantSlug={tenant} deliveryId={d.id} />}
                  </td>
                </LogRow>
              ))}
            </LogTable>
            <Pagination
              page={page}
              pageCount={log.pageCount}
              total={log.total}
              label="deliveries"
              hrefFor={(p) => `/t/${tenant}/settings/webhooks?page=${p}`}
            />
          </>
        )}
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { requireSteward } from "@/lib/auth/guards";
import { apiReference, type FieldDoc, type TypeRef } from "@/lib/api/reference";
import { Card, ScrollCard } from "@/components/ui/card";
import { cn } from "@/lib/cn";
import { SettingsHeader } from "@/components/settings/settings-header";

export const metadata: Metadata = { title: "API reference" };

const METHOD_TONES: Record<string, string> = {
  GET: "bg-sky-50 text-sky-800 ring-sky-200",
  POST: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  PUT: "bg-amber-50 text-amber-800 ring-amber-200",
  PATCH: "bg-amber-50 text-amber-800 ring-amber-200",
  DELETE: "bg-red-50 text-red-700 ring-red-200",
};

function Type({ parts }: { parts: TypeRef[] }) {
  return (
    <code className="text-xs text-slate-700">
      {parts.map((p, i) =>
        p.ref ? (
          <a key={i} href={`#schema-${p.ref}`} className="text-brand-700 hover:underline">
            {p.text}
          </a>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </code>
  );
}

function FieldTable({
  rows,
  label,
  showIn,
}: {
  rows: (FieldDoc & { in?: string })[];
  label: string;
  showIn?: boolean;
}) {
  return (
    <ScrollCard label={label} className="border-0 shadow-none">
      <table className="w-full text-left text-sm" aria-label={label}>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="py-1 pr-3">Name</th>
            {showIn && <th className="py-1 pr-3">In</th>}
            <th className="py-1 pr-3">Type</th>
            <th className="py-1">Notes</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr key={`${f.in ?? ""}${f.name}`} className="border-b border-slate-100 align-top last:border-0">
              <td className="py-1 pr-3 font-mono text-xs">
                {f.name}
                {f.required && (
                  <span className="ml-1 text-red-600" title="required">
                    *
                  </span>
                )}
              </td>
              {showIn && <td className="py-1 pr-3 text-xs text-slate-500">{f.in}</td>}
              <td className="py-1 pr-3">
                <Type parts={f.type} />
              </td>
              <td className="py-1 text-xs text-slate-600">{f.notes.join(" · ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollCard>
  );
}

export default async function ApiReferencePage({ params }: PageProps<"/t/[tenant]/settings/api-reference">) {
  const { tenant } = await params;
  await requireSteward(tenant);
  const ref = apiReference();
  return (
    <div className="space-y-8">
      <SettingsHeader
        tenantSlug={tenant}
        title="API reference"
        description={`${ref.info.title} ${ref.info.version}. ${ref.info.description ?? ""}`}
        actions={
          <a href="/api/v1/openapi.json" className="text-sm font-medium text-brand-700 hover:underline">
            OpenAPI 3.1 document (JSON)
          </a>
        }
      />
      <Card className="space-y-2 p-5 text-sm text-slate-700">
        <p>
          Base URL <code className="rounded bg-slate-100 px-1">/api/v1</code>. Authenticate with{" "}
          <code className="rounded bg-slate-100 px-1">Authorization: Bearer stw_…</code>; owners create keys in{" "}
          <Link href={`/t/${tenant}/settings/api-keys`} className="text-brand-700 underline underline-offset-2">
            Settings → API keys
          </Link>
          . A partner key only sees and writes its own partner&apos;s data; anything else answers 404.
        </p>
        <p>
          Errors are RFC 9457 problem details (
          <code className="rounded bg-slate-100 px-1">application/problem+json</code>) with field-level{" "}
          <code className="rounded bg-slate-100 px-1">errors</code>. Lists are cursor-paginated (pass{" "}
          <code className="rounded bg-slate-100 px-1">next_cursor</code> back as{" "}
          <code className="rounded bg-slate-100 px-1">cursor</code>). Creates accept an{" "}
          <code className="rounded bg-slate-100 px-1">Idempotency-Key</code> header. Each key has a per-minute rate
          limit; over it, 429 with <code className="rounded bg-slate-100 px-1">Retry-After</code>.
        </p>
      </Card>
      <nav aria-label="Endpoints" className="text-sm">
        <ul className="grid gap-x-6 gap-y-1 sm:grid-cols-2">
          {ref.groups.flatMap((g) =>
            g.operations
              .filter((op) => !op.webhook)
              .map((op) => (
                <li key={op.id}>
                  <a href={`#${op.id}`} className="hover:underline">
                    <span className="inline-block w-12 font-mono text-xs font-semibold text-slate-500">
                      {op.method}
                    </span>
                    <span className="break-all font-mono text-xs">{op.path}</span>{" "}
                    <span className="text-slate-600">— {op.summary}</span>
                  </a>
                </li>
              )),
          )}
        </ul>
      </nav>
      {ref.groups.map((group) => (
        <section key={group.tag} aria-labelledby={`tag-${group.tag}`} className="space-y-4">
          <h2 id={`tag-${group.tag}`} className="text-lg font-semibold">
            {group.tag}
          </h2>
          {group.operations.map((op) => (
            <Card
              key={op.id}
              id={op.id}
              className="scroll-mt-4 space-y-3 p-5"
              data-testid={op.webhook ? "api-webhook" : "api-operation"}
            >
              <h3 className="flex flex-wrap items-center gap-2">
                <span
                  className={cn(
                    "rounded px-2 py-0.5 font-mono text-xs font-semibold ring-1 ring-inset",
                    METHOD_TONES[op.method],
                  )}
                >
                  {op.method}
                </span>
                {op.webhook ? (
                  <>
                    <span className="text-sm text-slate-600">to your endpoint:</span>
                    <code className="break-all text-sm font-semibold">{op.path}</code>
                  </>
                ) : (
                  <code className="break-all text-sm font-semibold">/api/v1{op.path}</code>
                )}
                <span className="text-sm text-slate-600">{op.summary}</span>
              </h3>
              {op.description && <p className="text-sm text-slate-700">{op.description}</p>}
              {op.params.length > 0 && (
                <FieldTable rows={op.params} label={`Parameters of ${op.method} ${op.path}`} showIn />
              )}
              {op.body && (
                <p className="text-sm">
                  <span className="font-medium">Body:</span> <Type parts={op.body} />
                </p>
              )}
              <div>
                <p className="text-sm font-medium">Responses</p>
                <ul className="mt-1 space-y-0.5 text-sm">
                  {op.responses.map((r) => (
                    <li key={r.status}>
                      <span
                        className={cn(
                          "font-mono text-xs font-semibold",
                          r.status.startsWith("2") ? "text-emerald-700" : "text-red-700",
                        )}
                      >
                        {r.status}
                      </span>{" "}
                      <span className="text-slate-700">{r.description}</span> {r.type && <Type parts={r.type} />}
                    </li>
                  ))}
                </ul>
              </div>
            </Card>
          ))}
        </section>
      ))}
      <section aria-labelledby="schemas-heading" className="space-y-4">
        <h2 id="schemas-heading" className="text-lg font-semibold">
          Schemas
        </h2>
        {ref.schemas.map((s) => (
          <Card key={s.name} id={`schema-${s.name}`} className="scroll-mt-4 space-y-2 p-5">
            <h3 className="font-mono text-sm font-semibold">{s.name}</h3>
            {s.description && <p className="text-sm text-slate-700">{s.description}</p>}
            {s.enumValues && <p className="text-sm">One of {s.enumValues.join(", ")}</p>}
            {s.fields.length > 0 && <FieldTable rows={s.fields} label={`Fields of ${s.name}`} />}
          </Card>
        ))}
      </section>
    </div>
  );
}

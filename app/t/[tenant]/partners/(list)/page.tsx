import type { Metadata } from "next";
import Link from "next/link";
import { requireSteward } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { parsePartnerListQuery } from "@/lib/partners/partners";
import { loadPartnersPage } from "@/lib/partners/pages";
import { PARTNER_STATUSES, PARTNER_STATUS_LABELS } from "@/lib/partners/lifecycle";
import { PARTNER_TIERS, PARTNER_TIER_LABELS, PARTNER_TYPES, PARTNER_TYPE_LABELS } from "@/lib/partners/schemas";
import { EmptyState, PageHeader, ScrollCard } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { PartnersTable } from "../partners-table";

export const metadata: Metadata = { title: "Partners" };

export default async function PartnersPage({ params, searchParams }: PageProps<"/t/[tenant]/partners">) {
  const { tenant } = await params;
  const access = await requireSteward(tenant);
  const query = parsePartnerListQuery(await searchParams);
  const { list, regions } = await loadPartnersPage(access.tenant.id, query);
  const base = `/t/${tenant}/partners`;
  const kept: Record<string, string> = {};
  for (const key of ["q", "type", "tier", "status", "region", "sort", "dir"] as const) {
    const v = query[key];
    if (v !== undefined && v !== "" && !(key === "sort" && v === "name") && !(key === "dir" && v === "asc"))
      kept[key] = String(v);
  }
  const hrefFor = (page: number) =>
    `${base}?${new URLSearchParams({ ...kept, ...(page > 1 ? { page: String(page) } : {}) })}`;
  const filtered = Boolean(query.q || query.type || query.tier || query.status || query.region);
  return (
    <div className="space-y-5">
      <PageHeader
        title="Partners"
        description="The companies in your demand chain: profiles, lifecycle, vetting and values alignment."
        actions={
          can(access.membership.role, "partners:write") ? (
            <Link href={`${base}/new`} className={buttonClass()}>
              New partner
            </Link>
          ) : undefined
        }
      />
      <form
        method="get"
        action={base}
        className="flex flex-wrap items-end gap-3"
        role="search"
        aria-label="Filter partners"
      >
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">Search</span>
          <input name="q" defaultValue={query.q ?? ""} placeholder="Name, region…" className={inputClass} />
        </label>
        <FilterSelect
          name="type"
          label="Type"
          value={query.type}
          options={PARTNER_TYPES.map((t) => [t, PARTNER_TYPE_LABELS[t]])}
        />
        <FilterSelect
          name="tier"
          label="Tier"
          value={query.tier}
          options={PARTNER_TIERS.map((t) => [t, PARTNER_TIER_LABELS[t]])}
        />
        <FilterSelect
          name="status"
          label="Status"
          value={query.status}
          options={PARTNER_STATUSES.map((s) => [s, PARTNER_STATUS_LABELS[s]])}
        />
        <FilterSelect name="region" label="Region" value={query.region} options={regions.map((r) => [r, r])} />
        {query.sort !== "name" && <input type="hidden" name="sort" value={query.sort} />}
        {query.dir !== "asc" && <input type="hidden" name="dir" value={query.dir} />}
        <button type="submit" className={buttonClass("secondary")}>
          Apply
        </button>
        {filtered && (
          <Link href={base} className={buttonClass("ghost")}>
            Clear
          </Link>
        )}
      </form>
      {list.total === 0 ? (
        <EmptyState title={filtered ? "No partner matches these filters" : "No partners yet"}>
          {filtered ? "Change or clear the filters." : "Add the first company of your demand chain with “New partner”."}
        </EmptyState>
      ) : (
        <>
          <ScrollCard label="Partners">
            <PartnersTable tenantSlug={tenant} rows={list.rows} sort={query.sort} dir={query.dir} params={kept} />
          </ScrollCard>
          <Pagination
            page={list.page}
            pageCount={list.pageCount}
            total={list.total}
            hrefFor={hrefFor}
            label="partners"
          />
        </>
      )}
    </div>
  );
}

function FilterSelect({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value?: string;
  options: [string, string][];
}) {
  return (
    <label className="block text-sm">
      <span className="mb-1 block font-medium text-slate-700">{label}</span>
      <select name={name} defaultValue={value ?? ""} className={inputClass}>
        <option value="">All</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

"use client";

import Link from "next/link";
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
  type SortingState,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { PartnerStatusBadge } from "@/components/partners/status-badge";
import { PARTNER_TIER_LABELS, PARTNER_TYPE_LABELS } from "@/lib/partners/schemas";
import type { PartnerStatus } from "@/lib/partners/lifecycle";

export type PartnerRow = {
  id: string;
  name: string;
  type: keyof typeof PARTNER_TYPE_LABELS;
  tier: keyof typeof PARTNER_TIER_LABELS;
  status: PartnerStatus;
  region: string;
  alignmentScore: number | null;
  touchpoints: number;
};

const column = createColumnHelper<PartnerRow>();

/**
 * Renders one server-sorted, server-paginated page. Sorting is manual: a header is a link that
 * changes `sort`/`dir` in the URL (keeping the filters), and the server runs the query.
 */
export function PartnersTable({
  tenantSlug,
  rows,
  sort,
  dir,
  params,
}: {
  tenantSlug: string;
  rows: PartnerRow[];
  sort: string;
  dir: "asc" | "desc";
  params: Record<string, string>;
}) {
  const base = `/t/${tenantSlug}/partners`;
  const columns = [
    column.accessor("name", {
      header: "Name",
      cell: (c) => (
        <Link href={`${base}/${c.row.original.id}`} className="font-medium text-brand-700 hover:underline">
          {c.getValue()}
        </Link>
      ),
    }),
    column.accessor("type", { header: "Type", cell: (c) => PARTNER_TYPE_LABELS[c.getValue()] }),
    column.accessor("tier", { header: "Tier", cell: (c) => PARTNER_TIER_LABELS[c.getValue()] }),
    column.accessor("status", { header: "Status", cell: (c) => <PartnerStatusBadge status={c.getValue()} /> }),
    column.accessor("region", { header: "Region" }),
    column.accessor("alignmentScore", {
      header: "Alignment",
      cell: (c) => (c.getValue() === null ? <span className="text-slate-400">—</span> : `${c.getValue()!.toFixed(1)}`),
    }),
    column.accessor("touchpoints", { header: "Touchpoints", enableSorting: false }),
  ];
  const sorting: SortingState = [{ id: sort, desc: dir === "desc" }];
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting },
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => r.id,
  });
  const sortHref = (id: string) => {
    const next = new URLSearchParams(params);
    next.set("sort", id);
    next.set("dir", sort === id && dir === "asc" ? "desc" : "asc");
    next.delete("page");
    return `${base}?${next.toString()}`;
  };
  return (
    <table className="w-full text-left text-sm" data-testid="partners-table">
      <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => {
              const sorted = header.column.getIsSorted();
              const label = flexRender(header.column.columnDef.header, header.getContext());
              return (
                <th
                  key={header.id}
                  className="px-4 py-2"
                  aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                >
                  {header.column.getCanSort() ? (
                    <Link
                      href={sortHref(header.column.id)}
                      className="inline-flex items-center gap-1 hover:text-slate-800"
                    >
                      {label}
                      {sorted === "asc" ? (
                        <ArrowUp className="size-3" aria-hidden />
                      ) : sorted === "desc" ? (
                        <ArrowDown className="size-3" aria-hidden />
                      ) : (
                        <ArrowUpDown className="size-3 opacity-40" aria-hidden />
                      )}
                    </Link>
                  ) : (
                    label
                  )}
                </th>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id} className="border-b border-slate-100 last:border-0" data-testid="partner-row">
            {row.getVisibleCells().map((cell) => (
              <td key={cell.id} className="px-4 py-2">
                {flexRender(cell.column.columnDef.cell, cell.getContext())}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

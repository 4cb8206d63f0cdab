import type { Access } from "@/lib/auth/access";
import { withTenant } from "@/lib/db/scope";
import { safeFileName, toCsv, type CsvColumn } from "@/lib/exports/csv";
import { csvDownload } from "@/lib/exports/route";
import { customersToSave, isSaveSort, type SaveRow, type SaveSort } from "./save-list";

export const SAVE_PAGE_SIZE = 25;
/** The export's cap: the list is for people to act on, never the whole customer base. */
const SAVE_EXPORT_MAX = 10_000;

type Raw = Record<string, string | string[] | undefined>;

/** The sort and page from the URL; anything malformed falls back to the default. */
function saveQuery(raw: Raw): { sort: SaveSort; page: number } {
  const sort = typeof raw.sort === "string" && isSaveSort(raw.sort) ? raw.sort : "clv";
  const page = Math.min(10_000, Math.max(1, Number.parseInt(typeof raw.page === "string" ? raw.page : "1", 10) || 1));
  return { sort, page };
}

/** One page of the customers to save, most valuable first unless sorted otherwise. */
export function loadSaveListPage(tenantId: string, raw: Raw) {
  const query = saveQuery(raw);
  return withTenant({ tenantId }, async (db) => ({
    query,
    ...(await customersToSave(db, tenantId, {
      sort: query.sort,
      offset: (query.page - 1) * SAVE_PAGE_SIZE,
      limit: SAVE_PAGE_SIZE,
    })),
  }));
}

type CsvRow = SaveRow & { incident: string | null };

const COLUMNS: CsvColumn<Extract<keyof CsvRow, string>>[] = [
  { key: "customerId", header: "Customer id" },
  { key: "name", header: "Customer" },
  { key: "externalRef", header: "Reference" },
  { key: "segment", header: "Segment" },
  { key: "clv", header: "CLV" },
  { key: "aliveBefore", header: "P(alive) before" },
  { key: "aliveNow", header: "P(alive) now" },
  { key: "incident", header: "Incident" },
  { key: "partner", header: "Partner" },
  { key: "touchpoint", header: "Touchpoint" },
  { key: "reason", header: "Reason" },
];

/** The whole list (in the chosen order) as CSV. */
export async function saveListCsv(tenantId: string, raw: Raw): Promise<string> {
  const { sort } = saveQuery(raw);
  const { rows } = await withTenant({ tenantId }, (db) =>
    customersToSave(db, tenantId, { sort, offset: 0, limit: SAVE_EXPORT_MAX }),
  );
  return toCsv(
    rows.map(
      (r): CsvRow => ({
        ...r,
        clv: Math.round(r.clv * 100) / 100,
        incident: r.incidentNumber != null ? `INC-${r.incidentNumber}` : null,
      }),
    ),
    COLUMNS,
  );
}

/** The list as a CSV download named after the workspace. */
export async function saveListDownload(access: Access, raw: Raw): Promise<Response> {
  const csv = await saveListCsv(access.tenant.id, raw);
  return csvDownload(csv, safeFileName(`Customers to save - ${access.tenant.name}.csv`));
}

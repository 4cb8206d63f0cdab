import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/** Previous / next links that keep the other search params. */
export function Pagination({
  base,
  params,
  page,
  pageSize,
  total,
  capped,
}: {
  base: string;
  params: Record<string, string | undefined>;
  page: number;
  pageSize: number;
  total: number;
  capped?: boolean;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const q = new URLSearchParams(
      Object.entries({ ...params, page: String(p) }).filter(([, v]) => v) as [string, string][],
    );
    return `${base}?${q}`;
  };
  return (
    <nav className="flex items-center justify-between text-sm text-slate-600" aria-label="Pagination">
      <span>
        {total.toLocaleString("en-US")}
        {capped ? "+" : ""} incident{total === 1 ? "" : "s"} · page {Math.min(page, pages)} of {pages}
        {capped ? "+" : ""}
      </span>
      <span className="flex gap-2">
        {page > 1 && (
          <Link className={buttonClass("secondary")} href={href(page - 1)}>
            Previous
          </Link>
        )}
        {(page < pages || capped) && (
          <Link className={buttonClass("secondary")} href={href(page + 1)}>
            Next
          </Link>
        )}
      </span>
    </nav>
  );
}

import Link from "next/link";
import { buttonClass } from "./button";

/** Previous / next links for a server-paginated list; `hrefFor(page)` keeps the other searchParams. */
export function Pagination({
  page,
  pageCount,
  total,
  hrefFor,
  label = "results",
}: {
  page: number;
  pageCount: number;
  total: number;
  hrefFor: (page: number) => string;
  label?: string;
}) {
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-4 text-sm text-slate-600">
      <p data-testid="pagination-summary">
        Page {page} of {pageCount} · {total} {label}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link className={buttonClass("secondary", "px-2.5 py-1 text-xs")} href={hrefFor(page - 1)} rel="prev">
            Previous
          </Link>
        ) : (
          <span className={buttonClass("secondary", "px-2.5 py-1 text-xs opacity-50")} aria-disabled>
            Previous
          </span>
        )}
        {page < pageCount ? (
          <Link className={buttonClass("secondary", "px-2.5 py-1 text-xs")} href={hrefFor(page + 1)} rel="next">
            Next
          </Link>
        ) : (
          <span className={buttonClass("secondary", "px-2.5 py-1 text-xs opacity-50")} aria-disabled>
            Next
          </span>
        )}
      </div>
    </nav>
  );
}

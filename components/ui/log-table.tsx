import { ScrollCard } from "./card";

/**
 * A settings page's log or list table (webhook endpoints and deliveries, e-mail deliveries): a labelled, focusable
 * scroll region, one header row, and the rows the page renders. A header of null is an unlabelled actions column.
 */
export function LogTable({
  label,
  headers,
  testId,
  children,
}: {
  label: string;
  headers: (string | null)[];
  testId: string;
  children: React.ReactNode;
}) {
  return (
    <ScrollCard label={label}>
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {headers.map((h, i) => (
              <th key={h ?? `actions-${i}`} className="px-4 py-2">
                {h ?? <span className="sr-only">Actions</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody data-testid={testId}>{children}</tbody>
      </table>
    </ScrollCard>
  );
}

/** A row of a LogTable. */
export function LogRow({ children }: { children: React.ReactNode }) {
  return <tr className="border-b border-slate-100 align-top last:border-0">{children}</tr>;
}

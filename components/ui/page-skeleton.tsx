/** The placeholder shown while a workspace or portal page loads. */
export function PageSkeleton() {
  return (
    <div className="animate-pulse space-y-4" role="status" aria-busy="true" aria-label="Loading">
      <div className="h-8 w-64 rounded bg-slate-200" />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-28 rounded-lg bg-slate-200" />
        ))}
      </div>
    </div>
  );
}

// Only the list has a loading skeleton: a loading boundary above a page that calls notFound()
// would make Next answer 200 instead of 404 (see docs/decisions/004-loading-boundaries-and-404.md).
export default function Loading() {
  return (
    <div className="animate-pulse space-y-4" aria-busy="true" aria-label="Loading">
      <div className="h-8 w-64 rounded bg-slate-200" />
      <div className="h-10 w-full rounded bg-slate-200" />
      {[0, 1, 2, 3, 4, 5].map((i) => (
        <div key={i} className="h-8 w-full rounded bg-slate-100" />
      ))}
    </div>
  );
}

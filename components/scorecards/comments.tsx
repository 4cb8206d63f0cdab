import type { ScorecardCommentRow } from "@/lib/scorecards/queries";

export function ScorecardComments({ comments, empty }: { comments: ScorecardCommentRow[]; empty: string }) {
  if (comments.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm" data-testid="scorecard-comments">
      {comments.map((c) => (
        <li key={c.id} className="py-2">
          <p className="text-xs text-slate-500">
            {c.author} · {c.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC · version {c.version}
            {c.acknowledged && <span className="ml-2 font-medium text-emerald-700">Acknowledged</span>}
          </p>
          <p className="whitespace-pre-wrap text-slate-800">{c.body}</p>
        </li>
      ))}
    </ul>
  );
}

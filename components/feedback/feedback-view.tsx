import Link from "next/link";
import type { FeedbackView } from "@/lib/feedback/comments";
import { SCORE_BANDS, type FeedbackQuery } from "@/lib/feedback/comments";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, ScrollCard } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { HelpDisclosure } from "@/components/ui/help-disclosure";
import { Pagination } from "@/components/ui/pagination";
import { CopyLinkButton } from "./copy-link";

const th = "px-4 py-2 font-medium";
const day = (d: Date) => d.toISOString().slice(0, 10);
const one = (v: number | null, digits = 1) => (v == null ? "—" : v.toFixed(digits));

/**
 * The comments view (steward workspace and partner portal): scores per partner and touchpoint, the comments,
 * filterable by partner, touchpoint and score, and the open survey links to copy. `path` is the page's own URL;
 * `customerHref` links a customer (stewards only); `helpBase` is the workspace base for the help's settings links.
 */
export function FeedbackViewSection({
  view,
  query,
  path,
  showPartnerFilter,
  customerHref,
  helpBase,
}: {
  view: FeedbackView;
  query: FeedbackQuery;
  path: string;
  showPartnerFilter: boolean;
  customerHref?: (customerId: string) => string;
  helpBase?: string;
}) {
  const href = (over: Partial<Record<"page" | "links", number>>) => {
    const sp = new URLSearchParams();
    if (query.partnerId) sp.set("partner", query.partnerId);
    if (query.touchpointId) sp.set("touchpoint", query.touchpointId);
    if (query.score) sp.set("score", query.score);
    const page = over.page ?? query.page;
    const links = over.links ?? query.linksPage;
    if (page > 1) sp.set("page", String(page));
    if (links > 1) sp.set("links", String(links));
    const s = sp.toString();
    return s ? `${path}?${s}` : path;
  };
  const filtered = Boolean(query.partnerId || query.touchpointId || query.score);
  const partnerOptions = view.partners.map((p) => ({ value: p.id, label: p.name }));
  const touchpointOptions = view.touchpoints.map((t) => ({ value: t.id, label: t.name }));
  return (
    <div className="space-y-8">
      <section aria-labelledby="scores-heading" className="space-y-3">
        <h2 id="scores-heading" className="flex items-center gap-2 text-lg font-semibold">
          Scores by partner and touchpoint <HelpDisclosure topic="feedback" base={helpBase} />
        </h2>
        {view.summary.length === 0 ? (
          <EmptyState title="No answers yet">
            Surveys go out after interactions at moments of truth and after resolved incidents; answers appear here.
          </EmptyState>
        ) : (
          <ScrollCard label="Scores by partner and touchpoint">
            <table className="w-full text-left text-sm" data-testid="feedback-summary">
              <thead className="bg-slate-50 text-xs uppercase text-slate-600">
                <tr>
                  <th className={th}>Partner</th>
                  <th className={th}>Touchpoint</th>
                  <th className={`${th} text-right`}>Answers</th>
                  <th className={`${th} text-right`}>CSAT (1–5)</th>
                  <th className={`${th} text-right`}>NPS (−100 to +100)</th>
                  <th className={`${th} text-right`}>Comments</th>
                </tr>
              </thead>
              <tbody>
                {view.summary.map((r) => (
                  <tr key={`${r.partnerId}:${r.touchpointId}`} className="border-t border-slate-100">
                    <td className="px-4 py-2">{r.partner}</td>
                    <td className="px-4 py-2">{r.touchpoint}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{r.responses}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{one(r.csat)}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{one(r.nps, 0)}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{r.comments}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollCard>
        )}
        <p className="text-xs text-slate-600">
          CSAT is the mean satisfaction from 1 to 5; NPS is the share of customers who would recommend (9–10) minus the
          share who would not (0–6). Each answer also counts in the partner&apos;s scorecard for its month.
        </p>
      </section>

      <section aria-labelledby="comments-heading" className="space-y-3">
        <h2 id="comments-heading" className="text-lg font-semibold">
          Comments
        </h2>
        <form className="flex flex-wrap items-end gap-3" action={path}>
          {showPartnerFilter && <FilterSelect name="partner" value={query.partnerId} options={partnerOptions} />}
          <FilterSelect name="touchpoint" value={query.touchpointId} options={touchpointOptions} />
          <FilterSelect name="score" value={query.score} options={SCORE_OPTIONS} />
          <button type="submit" className={buttonClass("primary")}>
            Filter
          </button>
        </form>
        {view.comments.rows.length === 0 ? (
          <EmptyState title={filtered ? "No answer matches" : "No answers yet"}>
            {filtered ? "Try another partner, touchpoint or score." : "Answers appear here as customers reply."}
          </EmptyState>
        ) : (
          <ul className="space-y-3" data-testid="feedback-comments">
            {view.comments.rows.map((c) => (
              <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-xs">
                <p className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600">
                  <span>{day(c.answeredAt)}</span>
                  <span>{c.partner}</span>
                  <span>{c.touchpoint}</span>
                  <span>
                    {customerHref && c.customerId ? (
                      <Link className="text-brand-700 underline" href={customerHref(c.customerId)}>
                        {c.customer}
                      </Link>
                    ) : (
                      c.customer
                    )}
                  </span>
                </p>
                <p className="mt-1 font-medium text-slate-800">
                  CSAT {c.csat ?? "—"} of 5 · NPS answer {c.nps ?? "—"} of 10
                </p>
                {c.comment ? (
                  <blockquote className="mt-1 break-words text-slate-700">“{c.comment}”</blockquote>
                ) : (
                  <p className="mt-1 text-slate-500">No comment.</p>
                )}
              </li>
            ))}
          </ul>
        )}
        <Pagination {...pageOf(view.comments, query.page)} hrefFor={(page) => href({ page })} label="answers" />
      </section>

      <section aria-labelledby="links-heading" className="space-y-3">
        <h2 id="links-heading" className="text-lg font-semibold">
          Open survey links
        </h2>
        <p className="text-sm text-slate-600">
          Links not yet answered, newest first. Each works once, for one customer: copy it into your own channel (a text
          message, a chat, a receipt). Customers with an e-mail address also got it by e-mail.
        </p>
        {view.links.rows.length === 0 ? (
          <EmptyState title="No open links">New links appear after interactions at moments of truth.</EmptyState>
        ) : (
          <ScrollCard label="Open survey links">
            <table className="w-full text-left text-sm" data-testid="feedback-links">
              <thead className="bg-slate-50 text-xs uppercase text-slate-600">
                <tr>
                  <th className={th}>Customer</th>
                  <th className={th}>Partner</th>
                  <th className={th}>Touchpoint</th>
                  <th className={th}>Expires</th>
                  <th className={th}>E-mailed</th>
                  <th className={th}>
                    <span className="sr-only">Link</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {view.links.rows.map((l) => (
                  <tr key={l.id} className="border-t border-slate-100">
                    <td className="px-4 py-2">{l.customer}</td>
                    <td className="px-4 py-2">{l.partner}</td>
                    <td className="px-4 py-2">{l.touchpoint}</td>
                    <td className="px-4 py-2">{day(l.expiresAt)}</td>
                    <td className="px-4 py-2">{l.emailed ? "Yes" : "No"}</td>
                    <td className="px-4 py-2" data-url={l.url}>
                      <CopyLinkButton url={l.url} label={`Copy the survey link for ${l.customer}`} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollCard>
        )}
        <Pagination {...pageOf(view.links, query.linksPage)} hrefFor={(links) => href({ links })} label="open links" />
      </section>
    </div>
  );
}

/** A list's page for Pagination: the asked page, kept within the list. */
const pageOf = (list: { pageCount: number; total: number }, page: number) => ({
  page: Math.min(page, list.pageCount),
  pageCount: list.pageCount,
  total: list.total,
});

const FILTERS = {
  partner: { label: "Partner", anyLabel: "All partners" },
  touchpoint: { label: "Touchpoint", anyLabel: "All touchpoints" },
  score: { label: "Score", anyLabel: "Any score" },
};
const SCORE_OPTIONS = Object.entries(SCORE_BANDS).map(([key, band]) => ({ value: key, label: band.label }));

/** One filter of the comments form (a GET form: the choice goes into the page's URL), with "any" as its empty choice. */
function FilterSelect({
  name,
  value,
  options,
}: {
  name: keyof typeof FILTERS;
  value: string | undefined;
  options: { value: string; label: string }[];
}) {
  const { label, anyLabel } = FILTERS[name];
  const id = `feedback-${name}`;
  return (
    <div className="w-52">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={inputClass}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

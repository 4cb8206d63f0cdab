import { ScrollCard } from "@/components/ui/card";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Metadata } from "next";
import { type Block, type Inline, parseMarkdown } from "@/lib/help/markdown";

export const metadata: Metadata = { title: "How partner scorecards are computed · Steward" };

// The rules are public (no tenant data): the same page for stewards, partners and signed-out readers.
// docs/scorecards.md is read when the page is prerendered at build time.
const blocks = parseMarkdown(readFileSync(join(process.cwd(), "docs", "scorecards.md"), "utf8"));

function Text({ inlines }: { inlines: Inline[] }) {
  return inlines.map((inline, i) => {
    if (inline.style === "code")
      return (
        <code key={i} className="rounded bg-slate-100 px-1 text-[0.9em]">
          {inline.text}
        </code>
      );
    if (inline.style === "strong") return <strong key={i}>{inline.text}</strong>;
    if (inline.style === "emphasis") return <em key={i}>{inline.text}</em>;
    return inline.text;
  });
}

function HelpBlock({ block }: { block: Block }) {
  switch (block.kind) {
    case "heading":
      if (block.level === 1) return <h1 className="text-2xl font-semibold text-slate-900">{block.text}</h1>;
      if (block.level === 2) return <h2 className="mt-8 text-xl font-semibold text-slate-900">{block.text}</h2>;
      return <h3 className="mt-6 text-base font-semibold text-slate-900">{block.text}</h3>;
    case "paragraph":
      return (
        <p className="mt-3">
          <Text inlines={block.inlines} />
        </p>
      );
    case "list":
      return (
        <ul className="mt-3 list-disc space-y-1 pl-5">
          {block.items.map((item, i) => (
            <li key={i}>
              <Text inlines={item} />
            </li>
          ))}
        </ul>
      );
    case "code":
      return <pre className="mt-3 whitespace-pre-wrap rounded bg-slate-100 p-3 text-sm">{block.text}</pre>;
    case "table":
      return (
        // Wide tables scroll inside their own box, never the page.
        <ScrollCard label="Table" className="mt-3 border-0 shadow-none">
          <table className="min-w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-300">
                {block.head.map((cell, i) => (
                  <th key={i} scope="col" className="px-2 py-1 font-semibold">
                    <Text inlines={cell} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r} className="border-b border-slate-100 align-top">
                  {row.map((cell, c) => (
                    <td key={c} className="px-2 py-1">
                      <Text inlines={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollCard>
      );
  }
}

export default function ScorecardRulesPage() {
  return (
    // Long inline paths and formulas wrap anywhere rather than widen the page on a phone.
    <main className="mx-auto max-w-3xl px-4 py-10 text-slate-700" style={{ overflowWrap: "anywhere" }}>
      {blocks.map((block, i) => (
        <HelpBlock key={i} block={block} />
      ))}
    </main>
  );
}

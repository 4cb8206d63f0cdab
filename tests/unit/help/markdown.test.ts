import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseInline, parseMarkdown } from "@/lib/help/markdown";

describe("parseMarkdown (the help pages' subset)", () => {
  it("reads headings, paragraphs, lists, tables and fenced code", () => {
    const blocks = parseMarkdown(
      "# Title\n\nA paragraph\nover two lines.\n\n- one\n  continued\n- `two`\n\n| a | b |\n| --- | --- |\n| **1** | 2 |\n\n```\nx = 1\n```\n### Small\n",
    );
    expect(blocks).toEqual([
      { kind: "heading", level: 1, text: "Title" },
      { kind: "paragraph", inlines: [{ text: "A paragraph over two lines.", style: "plain" }] },
      { kind: "list", items: [[{ text: "one continued", style: "plain" }], [{ text: "two", style: "code" }]] },
      {
        kind: "table",
        head: [[{ text: "a", style: "plain" }], [{ text: "b", style: "plain" }]],
        rows: [[[{ text: "1", style: "strong" }], [{ text: "2", style: "plain" }]]],
      },
      { kind: "code", text: "x = 1" },
      { kind: "heading", level: 3, text: "Small" },
    ]);
  });

  it("keeps inline code, bold and emphasis as runs of the text", () => {
    expect(parseInline("a `b` **c** *d* e")).toEqual([
      { text: "a ", style: "plain" },
      { text: "b", style: "code" },
      { text: " ", style: "plain" },
      { text: "c", style: "strong" },
      { text: " ", style: "plain" },
      { text: "d", style: "emphasis" },
      { text: " e", style: "plain" },
    ]);
  });

  it("reads docs/scorecards.md into its sections, with every table row", () => {
    const blocks = parseMarkdown(readFileSync("docs/scorecards.md", "utf8"));
    const headings = blocks.filter((b) => b.kind === "heading").map((b) => (b.kind === "heading" ? b.text : ""));
    expect(headings).toEqual(
      expect.arrayContaining([
        "How partner scorecards are computed",
        "Who is scored",
        "Rounding",
        "Rank and ties",
        "Change",
        "Recomputing a past month",
        "Worked example",
      ]),
    );
    const tables = blocks.filter((b) => b.kind === "table");
    expect(tables.map((t) => (t.kind === "table" ? t.rows.length : 0))).toEqual([5, 5]);
  });
});

/**
 * The small Markdown subset the help pages are written in (docs/*.md), parsed into blocks a page renders:
 * headings, paragraphs, bullet lists, tables and fenced code. Inline code and bold stay as text runs.
 * Anything else is shown as a paragraph, so a help page never fails on an unknown construct.
 */
export type Inline = { text: string; style: "plain" | "code" | "strong" | "emphasis" };
export type Block =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "paragraph"; inlines: Inline[] }
  | { kind: "list"; items: Inline[][] }
  | { kind: "table"; head: Inline[][]; rows: Inline[][][] }
  | { kind: "code"; text: string };

const INLINE = /(`[^`]+`|\*\*[^*]+\*\*|\*[^*]+\*)/;

export function parseInline(text: string): Inline[] {
  return text
    .split(INLINE)
    .filter((part) => part !== "")
    .map((part) => {
      if (part.startsWith("`") && part.endsWith("`")) return { text: part.slice(1, -1), style: "code" };
      if (part.startsWith("**") && part.endsWith("**")) return { text: part.slice(2, -2), style: "strong" };
      if (part.startsWith("*") && part.endsWith("*") && part.length > 2)
        return { text: part.slice(1, -1), style: "emphasis" };
      return { text: part, style: "plain" };
    });
}

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, "")
    .split("|")
    .map((cell) => parseInline(cell.trim()));

export function parseMarkdown(markdown: string): Block[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === "") {
      i++;
    } else if (line.startsWith("```")) {
      const end = lines.findIndex((l, j) => j > i && l.startsWith("```"));
      const stop = end === -1 ? lines.length : end;
      blocks.push({ kind: "code", text: lines.slice(i + 1, stop).join("\n") });
      i = stop + 1;
    } else if (/^#{1,3} /.test(line)) {
      const level = line.indexOf(" ") as 1 | 2 | 3;
      blocks.push({ kind: "heading", level, text: line.slice(level + 1).trim() });
      i++;
    } else if (line.startsWith("|")) {
      const table: string[] = [];
      while (i < lines.length && lines[i].startsWith("|")) table.push(lines[i++]);
      const body = table.slice(1).filter((row) => !/^\|[\s:|-]+\|$/.test(row.trim()));
      blocks.push({ kind: "table", head: cells(table[0]), rows: body.map(cells) });
    } else if (line.startsWith("- ")) {
      const items: string[] = [];
      while (i < lines.length && (lines[i].startsWith("- ") || /^ {2}\S/.test(lines[i]))) {
        if (lines[i].startsWith("- ")) items.push(lines[i].slice(2));
        else items[items.length - 1] += ` ${lines[i].trim()}`;
        i++;
      }
      blocks.push({ kind: "list", items: items.map(parseInline) });
    } else {
      const paragraph: string[] = [];
      while (i < lines.length && lines[i].trim() !== "" && !/^(#{1,3} |\||- |```)/.test(lines[i]))
        paragraph.push(lines[i++].trim());
      blocks.push({ kind: "paragraph", inlines: parseInline(paragraph.join(" ")) });
    }
  }
  return blocks;
}

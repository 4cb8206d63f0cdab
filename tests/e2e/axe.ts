import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "@playwright/test";
import type { AxeResults } from "axe-core";

// WCAG 2.1 A and AA, the level the product promises (DESIGN: every screen passes axe with no serious violation).
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * The serious and critical axe violations on the page as it is now, one line each (rule, help, up to three nodes).
 * axe-core is evaluated once per document and asked for violations only, and the lines are made in the page: a
 * wrapper that injects axe on every call and returns every rule's passes made each call about half again as costly
 * (on a 2-core machine the every-page check is CPU-bound, and axe is most of its browser's work).
 * `exclude`: CSS selectors of parts left out (the rest of the document is checked).
 */
export async function seriousAxeViolations(
  page: Page,
  { exclude = [] }: { exclude?: string[] } = {},
): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  return page.evaluate(
    async ({ tags, exclude }) => {
      const axe = (window as unknown as { axe: { run: (context: object, options: object) => Promise<AxeResults> } })
        .axe;
      const context =
        exclude.length > 0 ? { include: [["html"]], exclude: exclude.map((selector) => [selector]) } : document;
      const { violations } = await axe.run(context, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations"],
      });
      return violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map(
          (v) =>
            `axe ${v.impact} ${v.id} (${v.help}) at ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(" "))
              .join(", ")}`,
        );
    },
    { tags: WCAG_TAGS, exclude },
  );
}

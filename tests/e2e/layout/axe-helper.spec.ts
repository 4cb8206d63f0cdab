import { expect, test } from "@playwright/test";
import { seriousAxeViolations } from "../axe";

// The every-page check is only as good as its axe helper: it must name serious and critical violations, and nothing
// on a clean page, also when it runs twice on one document (the second run reuses the axe it evaluated), and leave out
// only what it is told to (the every-page check leaves out a main part it has checked before).

const page = (body: string) =>
  `data:text/html,${encodeURIComponent(`<!doctype html><html lang="en"><head><title>Probe</title></head><body><main>${body}</main></body></html>`)}`;

test("the axe helper names serious and critical violations, and nothing on a clean page", async ({ page: tab }) => {
  await tab.goto(page("<h1>Clean</h1><p>Readable text.</p>"));
  expect(await seriousAxeViolations(tab)).toEqual([]);

  await tab.goto(
    page(`<h1>Broken</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><button></button>
      <p style="color:#777;background:#888">Grey on grey.</p>`),
  );
  const first = await seriousAxeViolations(tab);
  expect(first.map((line) => line.split(" ").slice(0, 3).join(" ")).sort()).toEqual([
    "axe critical button-name",
    "axe critical image-alt",
    "axe serious color-contrast",
  ]);
  expect(await seriousAxeViolations(tab)).toEqual(first);
});

test("the axe helper leaves out only the parts it is told to", async ({ page: tab }) => {
  const html = `<!doctype html><html lang="en"><head><title>Probe</title></head><body>
    <header><button></button></header><main><h1>Main</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main>
    </body></html>`;
  await tab.goto(`data:text/html,${encodeURIComponent(html)}`);
  const rules = (lines: string[]) => lines.map((line) => line.split(" ")[2]).sort();
  expect(rules(await seriousAxeViolations(tab))).toEqual(["button-name", "image-alt"]);
  expect(rules(await seriousAxeViolations(tab, { exclude: ["main"] }))).toEqual(["button-name"]);
  expect(rules(await seriousAxeViolations(tab))).toEqual(["button-name", "image-alt"]);
});

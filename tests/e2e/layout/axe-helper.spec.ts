import { expect, test } from "@playwright/test";
import { seriousAxeViolations } from "../axe";

// The every-page check is only as good as its axe helper: it must name serious and critical violations, and nothing
// on a clean page, also when it runs twice on one document (the second run reuses the axe it evaluated).

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

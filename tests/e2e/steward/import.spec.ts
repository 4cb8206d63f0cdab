import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { NORTHWIND, signIn } from "../helpers";

test("a steward imports partners from CSV: mapping, preview, per-row error report, and no duplicates on re-import", async ({
  page,
}) => {
  const stamp = Date.now();
  const csv = [
    "Partner name,Type,Region,Website",
    `Import Alpha ${stamp},DELIVERY,North,https://alpha.example`,
    `Import Bravo ${stamp},PLUMBER,South,`,
    `Import Charlie ${stamp},installer,,`,
    `Import Delta ${stamp},retailer,East,`,
  ].join("\n");
  const file = { name: `partners-${stamp}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) };

  await signIn(page, NORTHWIND.steward);
  await page.goto(`/t/${NORTHWIND.slug}/settings`);
  await page.getByRole("link", { name: "Bulk import" }).click();
  await expect(page.getByRole("heading", { name: "Bulk import", level: 1 })).toBeVisible();

  await page.getByLabel("What the file holds").selectOption("partners");
  await page.getByLabel("CSV file").setInputFiles(file);
  await expect(page.getByTestId("import-file-summary")).toContainText("4 rows, 4 columns, comma-separated");
  // The header was recognised: name and type are mapped; region is guessed too.
  await expect(page.getByLabel("Name (required)")).toHaveValue("0");
  await expect(page.getByTestId("import-preview")).toContainText(`Import Alpha ${stamp}`);
  await expect(page.getByTestId("import-preview")).toContainText("https://alpha.example");

  // Unmapping a required column blocks the import with a clear message.
  await page.getByLabel("Region (required)").selectOption("");
  await expect(page.getByTestId("form-error")).toHaveText("Choose a column for Region.");
  await expect(page.getByRole("button", { name: "Import 4 rows" })).toBeDisabled();
  await page.getByLabel("Region (required)").selectOption({ label: "Region" });

  await page.getByRole("button", { name: "Import 4 rows" }).click();
  await expect(page.getByTestId("import-summary")).toHaveText(
    "4 of 4 rows read · 2 created · 0 already there · 2 with errors",
  );
  const errors = page.getByTestId("import-errors");
  await expect(errors.getByRole("row").nth(1)).toContainText("3Type“PLUMBER” is not one of");
  await expect(errors.getByRole("row").nth(2)).toContainText("4RegionRequired, but empty.");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download error report (CSV)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`partners-${stamp}-errors.csv`);
  const report = await readFile((await download.path())!, "utf8");
  expect(report.split("\r\n")[0]).toBe("row,field,message");
  expect(report).toContain('4,Region,"Required, but empty."');

  // The same file again: nothing new.
  await page.getByLabel("CSV file").setInputFiles(file);
  await page.getByRole("button", { name: "Import 4 rows" }).click();
  await expect(page.getByTestId("import-summary")).toHaveText(
    "4 of 4 rows read · 0 created · 2 already there · 2 with errors",
  );

  await page.goto(`/t/${NORTHWIND.slug}/partners?q=${encodeURIComponent(`Import Alpha ${stamp}`)}`);
  await expect(page.getByText(`Import Alpha ${stamp}`)).toHaveCount(1);
});

test("closing or reloading the page while it sends its rows asks first; once the import is done it does not", async ({
  page,
}) => {
  const stamp = Date.now();
  const csv = ["Partner name,Type,Region", `Leave Alpha ${stamp},DELIVERY,North`].join("\n");
  await signIn(page, NORTHWIND.steward);
  await page.goto(`/t/${NORTHWIND.slug}/settings/import`);
  await page.getByLabel("What the file holds").selectOption("partners");
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: `leave-${stamp}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });

  // The batch is held on its way to the server, so the import is still running when the tab is closed.
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(`**/t/${NORTHWIND.slug}/settings/import`, async (route) => {
    if (route.request().method() === "POST") await released;
    await route.continue();
  });
  await page.getByRole("button", { name: "Import 1 rows" }).click();
  await expect(page.getByTestId("import-keep-open")).toContainText("Keep this page open");

  const asked = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe("beforeunload");
  await dialog.dismiss(); // "Stay on page"
  expect(page.isClosed()).toBe(false);

  release();
  await expect(page.getByTestId("import-summary")).toHaveText(
    "1 of 1 rows read · 1 created · 0 already there · 0 with errors",
  );
  await expect(page.getByTestId("import-keep-open")).toHaveCount(0);
  // the note goes at React's commit; the listener at the effect's cleanup, which runs after the next paint
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
  let askedAgain = false;
  page.on("dialog", (second) => {
    askedAgain = true;
    void second.accept();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(askedAgain).toBe(false);
});

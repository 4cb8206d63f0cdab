import { expect, test } from "@playwright/test";
import { holdPageScripts, NORTHWIND, signIn, waitForHydration } from "../helpers";

// What a person types, picks and ticks while the page's scripts are still loading (a slow phone, a loaded machine)
// stays once React has taken the form over, through its next render, and is what the form saves
// (components/forms/early-input.ts). Before, each field went back to the server's value at the form's next render.

const run = Date.now().toString(36);
const base = `/t/${NORTHWIND.slug}`;

test("text, a choice, a number, a note and a tick entered before a form hydrates are kept and saved", async ({
  page,
}) => {
  await signIn(page, NORTHWIND.steward);
  const releaseScripts = await holdPageScripts(page);
  await page.goto(`${base}/touchpoints`, { waitUntil: "commit" });
  const form = page.getByRole("form", { name: "New touchpoint" });
  const name = `E2E Early ${run}`;
  await form.getByLabel("Touchpoint name").fill(name);
  await form.getByLabel("Stage").fill("engage");
  await form.getByLabel("Channel").selectOption({ label: "Phone" });
  await form.getByLabel("Weight").fill("3");
  await form.getByLabel("Description").fill("Typed before the scripts ran");
  await form.getByLabel("Moment of truth (weighs more)").check();
  releaseScripts();
  await waitForHydration(page, 'form[aria-label="New touchpoint"]');

  // one more edit once hydrated: the form renders again from its state, which must hold the early entries
  await form.getByLabel("Description").fill("Typed before the scripts ran, and after");
  await expect(form.getByLabel("Touchpoint name")).toHaveValue(name);
  await expect(form.getByLabel("Stage")).toHaveValue("engage");
  await expect(form.getByLabel("Channel")).toHaveValue("PHONE");
  await expect(form.getByLabel("Weight")).toHaveValue("3");
  await expect(form.getByLabel("Moment of truth (weighs more)")).toBeChecked();

  await expect(form.getByLabel("Description")).toHaveValue("Typed before the scripts ran, and after");

  await form.getByRole("button", { name: "Add touchpoint" }).click();
  const card = page.getByTestId("touchpoint-card").filter({ hasText: name });
  await expect(card).toContainText("Phone · weight 3");
  await expect(card.getByText("moment of truth", { exact: true })).toBeVisible();

  // A pre-filled note: React puts the server's text back into a textarea as it hydrates it, over what was typed.
  const edit = card.getByRole("link", { name: `Edit ${name}` });
  const editUrl = (await edit.getAttribute("href")) ?? "";
  const releaseAgain = await holdPageScripts(page);
  await page.goto(editUrl, { waitUntil: "commit" });
  const editForm = page.getByRole("form", { name: "Edit touchpoint" });
  await expect(editForm.getByLabel("Description")).toHaveValue("Typed before the scripts ran, and after");
  await editForm.getByLabel("Description").fill("Rewritten before the scripts ran");
  releaseAgain();
  await waitForHydration(page, 'form[aria-label="Edit touchpoint"]');
  await editForm.getByLabel("Weight").fill("4");
  await expect(editForm.getByLabel("Description")).toHaveValue("Rewritten before the scripts ran");
  await editForm.getByRole("button", { name: "Save touchpoint" }).click();
  await expect(card).toContainText("Phone · weight 4");
  await page.goto(editUrl);
  await expect(page.getByRole("form", { name: "Edit touchpoint" }).getByLabel("Description")).toHaveValue(
    "Rewritten before the scripts ran",
  );
});

test("a radio picked before a form hydrates stays picked when another is picked after", async ({ page }) => {
  await signIn(page, NORTHWIND.steward);
  const releaseScripts = await holdPageScripts(page);
  await page.goto(`${base}/settings/channel`, { waitUntil: "commit" });
  const form = page.getByRole("form", { name: "Channel design" });
  const limited = form.getByLabel(/^Limited/);
  // whichever the workspace has saved (other tests change it), the early pick is another
  const early = (await limited.isChecked()) ? form.getByLabel(/^Transactional/) : limited;
  await early.check();
  releaseScripts();
  await waitForHydration(page, 'form[aria-label="Channel design"]');

  const composite = form.getByLabel(/^Composite/);
  const later = (await composite.isChecked()) ? form.getByLabel(/^Vertically integrated/) : composite;
  await later.check();
  await expect(later).toBeChecked();
  await expect(early).toBeChecked();
  // nothing saved: the workspace's channel design is other tests' to set
});

test("an e-mail and password typed before the sign-in form hydrates sign the person in", async ({ page }) => {
  const releaseScripts = await holdPageScripts(page);
  await page.goto("/login", { waitUntil: "commit" });
  await page.getByLabel("E-mail").fill(NORTHWIND.steward.email);
  await page.getByLabel("Password").fill(NORTHWIND.steward.password);
  // Enter before then does not send the form: natively it would go with the password in the URL
  const navigations: string[] = [];
  page.on("framenavigated", (frame) => navigations.push(frame.url()));
  await page.getByLabel("Password").press("Enter");
  await expect(page.getByLabel("Password")).toHaveValue(NORTHWIND.steward.password);
  releaseScripts();
  await waitForHydration(page, "form");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  expect(navigations.filter((url) => url.includes("password"))).toEqual([]);
});

test("a kind and a file chosen before the import wizard hydrates are read once it has", async ({ page }) => {
  await signIn(page, NORTHWIND.steward);
  const releaseScripts = await holdPageScripts(page);
  await page.goto(`${base}/settings/import`, { waitUntil: "commit" });
  await page.getByLabel("What the file holds").selectOption("customers");
  const csv = "Customer,Segment\nEarly Customer One,B2C\nEarly Customer Two,B2B\n";
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "early.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  releaseScripts();
  await expect(page.getByTestId("import-file-summary")).toContainText("early.csv: 2 rows, 2 columns, comma-separated");
  await expect(page.getByLabel("What the file holds")).toHaveValue("customers");
  // nothing imported: the wizard only read the file
});

test("boxes ticked before the inbox hydrates select the rows they show ticked", async ({ page }) => {
  await signIn(page, NORTHWIND.steward);
  const releaseScripts = await holdPageScripts(page);
  await page.goto(`${base}/incidents`, { waitUntil: "commit" });
  const rows = page.getByRole("checkbox", { name: /^Select INC-/ });
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  // "Select all", then a row: both replayed, the row is selected (a toggle would have taken it out again)
  await page.getByRole("checkbox", { name: "Select all" }).check();
  await rows.first().check();
  releaseScripts();
  await expect(page.getByRole("group", { name: "Bulk actions" })).toContainText(`${count} selected`);
  await expect(rows.first()).toBeChecked();
  await expect(rows.last()).toBeChecked();
});

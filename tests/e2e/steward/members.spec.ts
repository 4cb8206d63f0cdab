import { expect, test } from "@playwright/test";
import { NORTHWIND, signIn } from "../helpers";

test("an owner invites a steward, who joins by the link; removing them ends access at once", async ({
  page,
  browser,
}) => {
  const email = `new.steward.${Date.now()}@northwind.test`;
  await signIn(page, NORTHWIND.owner);
  await page.goto(`/t/${NORTHWIND.slug}/settings`);

  // Bad input first: a clear message and nothing created.
  await page.getByLabel("E-mail").fill("not-an-email");
  await page.getByRole("button", { name: "Create invitation" }).click();
  await expect(page.getByTestId("field-error")).toHaveText("Enter a valid e-mail address");
  await expect(page.getByTestId("invitations")).toHaveCount(0);

  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "Create invitation" }).click();
  const link = (await page.getByTestId("invite-link").textContent())!.trim();
  expect(link).toMatch(/\/invite\/[\w-]{40,}$/);

  const invitee = await browser.newContext();
  const inviteePage = await invitee.newPage();
  await inviteePage.goto(new URL(link).pathname);
  await expect(inviteePage.getByRole("heading", { name: /Join .* on Steward/ })).toBeVisible();
  await inviteePage.getByLabel("Your name").fill("Nora New");
  await inviteePage.getByLabel("Password").fill("short");
  await inviteePage.getByRole("button", { name: "Create account and join" }).click();
  await expect(inviteePage.getByTestId("field-error")).toHaveText("Use at least 10 characters for the password");
  await inviteePage.getByLabel("Password").fill("a-long-enough-password");
  await inviteePage.getByRole("button", { name: "Create account and join" }).click();
  await expect(inviteePage).toHaveURL(`/t/${NORTHWIND.slug}`);
  await expect(inviteePage.getByTestId("user-name")).toHaveText("Nora New");

  // The link works once.
  const again = await browser.newContext();
  const againPage = await again.newPage();
  await againPage.goto(new URL(link).pathname);
  await expect(againPage.getByTestId("form-error")).toHaveText("This invitation was already used.");

  await page.reload();
  const row = page.getByTestId("members").getByRole("row").filter({ hasText: email });
  await row.getByRole("button", { name: "Remove" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByTestId("members")).not.toContainText(email);

  const response = await inviteePage.goto(`/t/${NORTHWIND.slug}`);
  expect(response?.status()).toBe(404);
  await invitee.close();
  await again.close();
});

import { expect, test } from "@playwright/test";
import { CONTOSO, NORTHWIND, expectNotFound, signIn } from "../helpers";

test("a steward of one tenant gets 404 for another tenant's workspace and portal", async ({ page }) => {
  await signIn(page, CONTOSO.steward);
  await expect(page).toHaveURL(`/t/${CONTOSO.slug}`);
  for (const path of [
    `/t/${NORTHWIND.slug}`,
    `/t/${NORTHWIND.slug}/settings`,
    `/portal/${NORTHWIND.slug}`,
    `/portal/${CONTOSO.slug}`,
  ])
    await expectNotFound(page, path);
});

test("signed-out visitors are sent to sign in, then back where they were going", async ({ page }) => {
  await page.goto(`/t/${NORTHWIND.slug}/partners`);
  await expect(page).toHaveURL(/\/login\?next=%2Ft%2Fnorthwind/);
  await page.getByLabel("E-mail").fill(NORTHWIND.steward.email);
  await page.getByLabel("Password").fill(NORTHWIND.steward.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`/t/${NORTHWIND.slug}`);
});

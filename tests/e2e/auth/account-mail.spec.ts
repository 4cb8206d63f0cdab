import { expect, test } from "@playwright/test";
import { e2eMailDir, linkPath, signUpAndVerify, waitForMailTo } from "../mail-helpers";

// Issue 16 through the running app and its SMTP catcher: sign-up → verify, and forgot password → reset, which
// signs out a browser that was signed in before; both answers are the same for a known and an unknown address.
// The e2e server runs the demo's local SMTP server, so both answers also say where a demo's account mail goes.

/** The hint a confirmation page shows while the demo's local SMTP server is the configured one. */
const LOCAL_MAIL_HINT = `Local demo: no mail leaves this machine. The mail's link is printed in the terminal that runs npm run demo, and the mail is kept in ${e2eMailDir()}.`;

test("sign-up mails a link that confirms the address once; a known address gets the same answer", async ({ page }) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const email = `vera.${stamp}@verify.test`;
  const started = Date.now();
  const { slug, mail } = await signUpAndVerify(page, {
    name: "Vera Verify",
    email,
    password: "a-strong-password-1",
    company: `Verify ${stamp}`,
  });
  console.log(`verify_email: event to delivery ≤ ${mail.receivedAt - started} ms`);
  expect(mail.text).toContain(`you created the workspace Verify ${stamp}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Verify ${stamp}`);

  // The link works once.
  const other = await page.context().browser()!.newContext();
  const second = await other.newPage();
  await second.goto(linkPath(mail, "/verify-email/"));
  await second.getByRole("button", { name: "Confirm my e-mail address" }).click();
  await expect(second.getByTestId("form-error")).toContainText("This link is not valid any more");

  // Signing up again with the same address answers as a new one would; the mail says an account exists.
  const before = Date.now();
  await second.goto("/signup");
  await second.getByLabel("Your name").fill("Someone Else");
  await second.getByLabel("Work e-mail").fill(email);
  await second.getByLabel("Password").fill("another-password-2");
  await second.getByLabel("Company").fill(`Copycat ${stamp}`);
  await second.getByRole("button", { name: "Create workspace" }).click();
  await expect(second.getByTestId("sign-up-sent")).toContainText(`We sent a message to ${email}`);
  await expect(second.getByTestId("local-mail-hint")).toHaveText(LOCAL_MAIL_HINT);
  const notice = await waitForMailTo(email, /^Someone tried to sign up/);
  console.log(`sign_up_existing: event to delivery ≤ ${notice.receivedAt - before} ms`);
  expect(linkPath(notice, "/forgot-password")).toBe("/forgot-password");
  await second.goto(`/t/copycat-${stamp}`);
  await expect(second).toHaveURL(/\/login/);
  await other.close();
  expect(slug).toBe(`verify-${stamp}`);
});

test("forgot password → mailed link → new password; the browser signed in before is signed out", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const email = `rose.${stamp}@reset.test`;
  const { slug } = await signUpAndVerify(page, {
    name: "Rose Reset",
    email,
    password: "a-strong-password-1",
    company: `Reset ${stamp}`,
  });

  const other = await browser.newContext();
  const visitor = await other.newPage();
  await visitor.goto("/login");
  await visitor.getByRole("link", { name: "Forgot password?" }).click();
  await expect(visitor).toHaveURL("/forgot-password");
  await expect(visitor.getByTestId("local-mail-hint")).toHaveCount(0);
  // An unknown address gets the same answer as a known one.
  await visitor.getByLabel("E-mail").fill(`nobody.${stamp}@reset.test`);
  await visitor.getByRole("button", { name: "Mail me a reset link" }).click();
  const answer = await visitor.getByTestId("form-success").textContent();
  expect(answer).toContain("If an account uses that address, we sent it a link");
  await expect(visitor.getByTestId("local-mail-hint")).toHaveText(LOCAL_MAIL_HINT);
  await visitor.reload();
  await visitor.getByLabel("E-mail").fill(email);
  const asked = Date.now();
  await visitor.getByRole("button", { name: "Mail me a reset link" }).click();
  await expect(visitor.getByTestId("form-success")).toHaveText(answer!);

  const mail = await waitForMailTo(email, /^Reset your Steward password/);
  console.log(`password_reset: event to delivery ≤ ${mail.receivedAt - asked} ms`);
  const resetPath = linkPath(mail, "/reset-password/");
  await visitor.goto(resetPath);
  await visitor.getByLabel("New password").fill("short");
  await visitor.getByRole("button", { name: "Set new password" }).click();
  await expect(visitor.getByText("Use at least 10 characters for the password")).toBeVisible();
  await visitor.getByLabel("New password").fill("a-new-password-77");
  await visitor.getByRole("button", { name: "Set new password" }).click();
  await expect(visitor).toHaveURL("/login?reset=1");
  await expect(visitor.getByTestId("form-success")).toContainText("every other session of your account has ended");

  // The browser signed in before the reset is signed out.
  await page.goto(`/t/${slug}`);
  await expect(page).toHaveURL(/\/login/);

  // The link works once; the old password no longer signs in, the new one does.
  await visitor.goto(resetPath);
  await visitor.getByLabel("New password").fill("a-third-password-99");
  await visitor.getByRole("button", { name: "Set new password" }).click();
  await expect(visitor.getByTestId("form-error")).toContainText("This link is not valid any more");
  await visitor.goto("/login");
  await visitor.getByLabel("E-mail").fill(email);
  await visitor.getByLabel("Password").fill("a-strong-password-1");
  await visitor.getByRole("button", { name: "Sign in" }).click();
  await expect(visitor.getByTestId("form-error")).toHaveText("That e-mail and password do not match an account.");
  await visitor.getByLabel("Password").fill("a-new-password-77");
  await visitor.getByRole("button", { name: "Sign in" }).click();
  await expect(visitor).toHaveURL(`/t/${slug}`);
  await other.close();
});

import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, type Page } from "@playwright/test";
import { readCaughtMail } from "../../lib/mail/catcher";

// Account mail (verification, password reset) belongs to no workspace, so no owner's mailbox page shows it: the e2e
// server keeps everything its SMTP catcher receives in a folder named after the e2e port, and the specs read it.

export const e2eMailDir = () => join(tmpdir(), `steward-e2e-mail-${process.env.E2E_PORT ?? process.env.PORT ?? 3100}`);

/** Where the e2e server writes its database's URL (a spec plants state the UI cannot reach, such as a breach). */
export const e2eDatabaseUrlFile = () =>
  join(tmpdir(), `steward-e2e-db-${process.env.E2E_PORT ?? process.env.PORT ?? 3100}`);

export type ReceivedMail = { subject: string; to: string; text: string; links: string[]; receivedAt: number };

/** Waits for a message to `to` whose subject matches; returns it with its links. */
export async function waitForMailTo(to: string | null, subject: RegExp, timeout = 60_000): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect(async () => {
    const caught = await readCaughtMail(e2eMailDir(), 500);
    const match = caught.find(
      (m) =>
        (to === null || [m.parsed.to].flat().some((a) => a?.text.toLowerCase().includes(to.toLowerCase()))) &&
        subject.test(m.parsed.subject ?? ""),
    );
    expect(match, `a mail to ${to} with subject ${subject}`).toBeDefined();
    const text = match!.parsed.text ?? "";
    found = {
      subject: match!.parsed.subject ?? "",
      to: [match!.parsed.to]
        .flat()
        .map((a) => a?.text ?? "")
        .join(", "),
      text,
      links: [...new Set(text.match(/https?:\/\/[^\s<>")\]]+/g) ?? [])],
      receivedAt: Number(match!.id.split("-")[0]),
    };
  }).toPass({ timeout, intervals: [100, 250, 500] });
  return found!;
}

/** The path of the mail's first link containing `part` (the mail's host is the app's configured base URL). */
export function linkPath(mail: ReceivedMail, part: string): string {
  const link = mail.links.find((l) => l.includes(part));
  expect(link, `a ${part} link in "${mail.subject}"`).toBeDefined();
  return new URL(link!).pathname;
}

export type NewOwner = { name: string; email: string; password: string; company: string; slug?: string };

/** Signs up, opens the verification mail's link, confirms, and signs in: ends on the new workspace's dashboard. */
export async function signUpAndVerify(page: Page, owner: NewOwner) {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(owner.name);
  await page.getByLabel("Work e-mail").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByLabel("Company").fill(owner.company);
  if (owner.slug) await page.getByLabel("Workspace address").fill(owner.slug);
  const slug = await page.getByLabel("Workspace address").inputValue();
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByTestId("sign-up-sent")).toContainText("Check your inbox", { timeout: 60_000 });
  const mail = await waitForMailTo(owner.email, /^Confirm your e-mail address/);
  await page.goto(linkPath(mail, "/verify-email/"));
  await page.getByRole("button", { name: "Confirm my e-mail address" }).click();
  await expect(page).toHaveURL(/\/login\?verified=1/);
  await page.getByLabel("E-mail").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`/t/${slug}`, { timeout: 30_000 });
  return { slug, mail };
}

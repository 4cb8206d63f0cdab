import { rm } from "node:fs/promises";
import { join } from "node:path";
import { type MailCatcher, startMailCatcher } from "../lib/mail/catcher";
import { accountMailAnnouncement } from "../lib/mail/mailbox";
import type { Runtime } from "./runtime";

/**
 * With no SMTP_URL, the demo and the e2e server start a local SMTP catcher that keeps every message in
 * <data dir>/mail and point the app at it; owners read it at Settings → Mailbox. Account mail belongs to no
 * workspace, so no mailbox page shows it: each one is announced (`announce`, the console by default) with its
 * links, or a newcomer who signs up could never open the verification link. With SMTP_URL set, nothing starts.
 */
export async function startLocalMailbox(
  runtime: Runtime,
  dataDir: string,
  options: { mailDir?: string; announce?: (line: string) => void } = {},
): Promise<MailCatcher | null> {
  if (runtime.childEnv.SMTP_URL) return null;
  const { mailDir, announce = console.log } = options;
  // The e2e server keeps the mail where the specs read account mail (tests/e2e/mail-helpers.ts), emptied first.
  if (mailDir) await rm(mailDir, { recursive: true, force: true });
  const dir = mailDir ?? join(dataDir, "mail");
  const catcher = await startMailCatcher({
    dir,
    onMail: (mail) => {
      const line = accountMailAnnouncement(mail.parsed);
      if (line) announce(line);
    },
  });
  runtime.childEnv.SMTP_URL = catcher.url;
  runtime.childEnv.STEWARD_DEV_MAILBOX_DIR = dir;
  return catcher;
}

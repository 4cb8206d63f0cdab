import { rm } from "node:fs/promises";
import { join } from "node:path";
import { startMailCatcher } from "../lib/mail/catcher";
import type { Runtime } from "./runtime";

/**
 * With no SMTP_URL, the demo and the e2e server start a local SMTP catcher that keeps every message in
 * <data dir>/mail and point the app at it; owners read it at Settings → Mailbox. With SMTP_URL set, nothing starts.
 */
export async function startLocalMailbox(runtime: Runtime, dataDir: string, mailDir?: string): Promise<string | null> {
  if (runtime.childEnv.SMTP_URL) return null;
  // The e2e server keeps the mail where the specs read account mail (tests/e2e/mail-helpers.ts), emptied first.
  if (mailDir) await rm(mailDir, { recursive: true, force: true });
  const dir = mailDir ?? join(dataDir, "mail");
  const catcher = await startMailCatcher({ dir });
  runtime.childEnv.SMTP_URL = catcher.url;
  runtime.childEnv.STEWARD_DEV_MAILBOX_DIR = dir;
  return catcher.url;
}

import { join } from "node:path";
import { startMailCatcher } from "../lib/mail/catcher";
import type { Runtime } from "./runtime";

/**
 * With no SMTP_URL, the demo and the e2e server start a local SMTP catcher that keeps every message in
 * <data dir>/mail and point the app at it; owners read it at Settings → Mailbox. With SMTP_URL set, nothing starts.
 */
export async function startLocalMailbox(runtime: Runtime, dataDir: string): Promise<string | null> {
  if (runtime.childEnv.SMTP_URL) return null;
  const dir = join(dataDir, "mail");
  const catcher = await startMailCatcher({ dir });
  runtime.childEnv.SMTP_URL = catcher.url;
  runtime.childEnv.STEWARD_DEV_MAILBOX_DIR = dir;
  return catcher.url;
}

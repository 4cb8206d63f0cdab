import type { Db } from "@/lib/db/scope";
import { isEmailAddress } from "./address";
import { isPreferenceKind, type MailKind } from "./kinds";
import { modesFor } from "./preferences";
import type { RenderedMail } from "./render";
import { canSignUnsubscribeLinks, unsubscribeHeaders, unsubscribeUrl } from "./unsubscribe";

// Queueing: every message is written as an EmailMessage row inside the caller's transaction, so a rolled-back change
// leaves no mail and a committed one cannot lose it. The row is unique per (event, recipient): a cause that runs
// twice (a retried job, two sweeps) queues each message once. The recipient's preference decides whether it is sent
// now (QUEUED), held for the daily digest (HELD) or not written at all (OFF); `mandatory` mail ignores preferences.

export type MailRecipient = { email: string; userId?: string | null };

/** What the template gets for one recipient: the unsubscribe link when the mail is optional for them. */
type ComposeContext = { recipient: MailRecipient; unsubscribeUrl?: string };

export type QueueMailInput = {
  kind: MailKind;
  /** What caused the mail, e.g. `escalation:<incidentId>:2`. */
  eventKey: string;
  recipients: MailRecipient[];
  /** The primary link, listed in the daily digest. */
  link?: string;
  mandatory?: boolean;
  compose: (context: ComposeContext) => Promise<RenderedMail>;
  /**
   * For recipients who are not members (a customer), who have no preferences to turn mail off with: the link that
   * stops this mail for them, sent as the one-click List-Unsubscribe header.
   */
  oneClickStopUrl?: string;
  now?: Date;
};

/** Queues one message per distinct, valid recipient; returns how many rows were written. */
export async function queueMail(db: Db, tenantId: string, input: QueueMailInput): Promise<number> {
  const now = input.now ?? new Date();
  const byEmail = new Map<string, MailRecipient>();
  for (const r of input.recipients) {
    const email = r.email.trim().toLowerCase();
    if (isEmailAddress(email) && !byEmail.has(email)) byEmail.set(email, { email, userId: r.userId ?? null });
  }
  const recipients = [...byEmail.values()];
  // the stop link names one customer's survey: sent to two customers, it would let one stop the other's surveys
  if (input.oneClickStopUrl && recipients.filter((r) => !r.userId).length > 1)
    throw new Error("oneClickStopUrl belongs to one recipient; queue one mail per customer");
  // The kind a member may turn off for this mail, or null when it is not theirs to turn off.
  const optionalKind = !input.mandatory && isPreferenceKind(input.kind) ? input.kind : null;
  const userIds = recipients.flatMap((r) => (r.userId ? [r.userId] : []));
  const modes = optionalKind ? await modesFor(db, tenantId, userIds, optionalKind) : new Map();
  const rows = [];
  for (const recipient of recipients) {
    const mode = recipient.userId ? (modes.get(recipient.userId) ?? "IMMEDIATE") : "IMMEDIATE";
    if (mode === "OFF") continue;
    // Without AUTH_SECRET (a script run without the runtime) the mail still names the preferences page.
    const url =
      optionalKind && recipient.userId && canSignUnsubscribeLinks()
        ? unsubscribeUrl({ tenantId, userId: recipient.userId, kind: optionalKind })
        : undefined;
    const mail = await input.compose({ recipient, unsubscribeUrl: url });
    const oneClick = url ?? (recipient.userId ? undefined : input.oneClickStopUrl);
    rows.push({
      tenantId,
      kind: input.kind,
      eventKey: input.eventKey,
      recipient: recipient.email,
      userId: recipient.userId ?? null,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      link: input.link ?? null,
      headers: oneClick ? unsubscribeHeaders(oneClick) : {},
      status: mode === "DIGEST" ? "HELD" : "QUEUED",
      nextAttemptAt: now,
      createdAt: now,
    });
  }
  if (rows.length === 0) return 0;
  const { count } = await db.emailMessage.createMany({ data: rows, skipDuplicates: true });
  return count;
}

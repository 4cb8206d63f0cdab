import { prisma } from "@/lib/db/client";
import { withTenant } from "@/lib/db/scope";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { nextMailAttemptAt } from "./retry";
import { configuredTransport, type MailTransport } from "./transport";
import { postChat } from "./chat";

// Sending queued mail, knowing nothing about scheduling (the periodic mail.deliver job calls it, lib/mail/run.ts): due messages
// in every tenant are claimed with FOR UPDATE SKIP LOCKED and leased (claim_due_email_messages), so concurrent
// senders never take the same row; each is sent over SMTP outside any transaction (the embedded database has one
// connection), then marked SENT, or retried later with backoff, or FAILED after MAX_ATTEMPTS. A process that dies
// mid-send leaves the lease to run out, and the message is tried again.

const LEASE_MS = 2 * 60_000;

export type DeliverResult = { claimed: number; sent: number; retried: number; failed: number };
export type DeliverOptions = { limit?: number; now?: Date; transport?: MailTransport | null; from?: string };
type Outcome = "sent" | "retry" | "failed" | "skipped";

async function claimDue(now: Date, limit: number): Promise<{ tenantId: string; id: string }[]> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  return prisma().$queryRaw`select "tenantId", "id" from claim_due_email_messages(
    ${now.toISOString()}::timestamptz at time zone 'UTC', ${leaseUntil.toISOString()}::timestamptz at time zone 'UTC', ${limit}::integer)`;
}

export async function deliverDueMail(options: DeliverOptions = {}): Promise<DeliverResult> {
  const now = options.now ?? new Date();
  const transport = options.transport === undefined ? configuredTransport() : options.transport;
  const result: DeliverResult = { claimed: 0, sent: 0, retried: 0, failed: 0 };
  if (!transport) return result;
  const due = await claimDue(now, options.limit ?? 50);
  result.claimed = due.length;
  for (const message of due) {
    const outcome = await deliverOne(
      message.tenantId,
      message.id,
      transport,
      options.from ?? env().MAIL_FROM,
      now,
    ).catch((error) => {
      log.error("mail delivery failed", { tenantId: message.tenantId, messageId: message.id, error });
      return "skipped" as const;
    });
    if (outcome === "sent") result.sent++;
    if (outcome === "retry") result.retried++;
    if (outcome === "failed") result.failed++;
  }
  return result;
}

async function deliverOne(
  tenantId: string,
  id: string,
  transport: MailTransport,
  from: string,
  now: Date,
): Promise<Outcome> {
  const message = await withTenant({ tenantId }, (db) =>
    db.emailMessage.findFirst({ where: { tenantId, id, status: "QUEUED" } }),
  );
  if (!message) return "skipped";
  let error: string | null = null;
  try {
    if (message.kind === "chat") await postChat(message.recipient, message.text);
    else
      await transport.sendMail({
        from,
        to: message.recipient,
        subject: message.subject,
        html: message.html,
        text: message.text,
        // The workspace, so the demo's mailbox shows each owner only their own workspace's mail.
        headers: { ...(message.headers as Record<string, string>), "X-Steward-Workspace": tenantId },
        // The same Message-ID on every attempt, so a receiving server can drop a repeat after a lost reply.
        messageId: `<${message.id}@steward>`,
      });
  } catch (e) {
    error = `Could not send: ${(e as Error).message}`.slice(0, 500);
  }
  const attempts = message.attempts + 1;
  const retryAt = error ? nextMailAttemptAt(attempts, now) : null;
  const outcome: Outcome = !error ? "sent" : retryAt ? "retry" : "failed";
  await withTenant({ tenantId }, (db) =>
    db.emailMessage.updateMany({
      where: { tenantId, id, status: "QUEUED" },
      data: {
        attempts,
        lastError: error,
        status: outcome === "sent" ? "SENT" : outcome === "failed" ? "FAILED" : "QUEUED",
        sentAt: outcome === "sent" ? now : null,
        nextAttemptAt: retryAt ?? now,
      },
    }),
  );
  return outcome;
}

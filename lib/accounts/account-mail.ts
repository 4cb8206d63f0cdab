import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import type { RenderedMail } from "@/lib/mail/render";
import { nextMailAttemptAt } from "@/lib/mail/retry";
import { configuredTransport, type MailTransport } from "@/lib/mail/transport";

// The outbox of account mail (AccountEmail): verification, "someone tried to sign up", password reset. Like the
// workspace outbox (lib/mail/queue.ts, deliver.ts) a row is written in the transaction of its cause, unique per
// (event, recipient), and the mail.deliver job sends it with the same backoff; unlike it, it belongs to no tenant.
// Its parts carry a token link, so they are emptied once the message is sent or given up.

type Tx = Prisma.TransactionClient;
export type AccountMailKind = "verify_email" | "sign_up_existing" | "password_reset";

export async function queueAccountMail(
  db: Tx,
  input: { kind: AccountMailKind; eventKey: string; recipient: string; mail: RenderedMail; now?: Date },
): Promise<number> {
  const now = input.now ?? new Date();
  const { count } = await db.accountEmail.createMany({
    data: [
      {
        kind: input.kind,
        eventKey: input.eventKey,
        recipient: input.recipient,
        subject: input.mail.subject,
        html: input.mail.html,
        text: input.mail.text,
        nextAttemptAt: now,
        createdAt: now,
      },
    ],
    skipDuplicates: true,
  });
  return count;
}

const LEASE_MS = 2 * 60_000;

/** Claims due account mail (FOR UPDATE SKIP LOCKED, leased: concurrent senders never take the same row). */
async function claimDue(now: Date, limit: number): Promise<string[]> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const rows = await prisma().$queryRaw<{ id: string }[]>`
    update "AccountEmail" m set "nextAttemptAt" = ${leaseUntil}
    from (select d."id" from "AccountEmail" d where d."status" = 'QUEUED' and d."nextAttemptAt" <= ${now}
          order by d."nextAttemptAt", d."id" limit ${limit} for update skip locked) due
    where m."id" = due."id" returning m."id"`;
  return rows.map((r) => r.id);
}

export type AccountDeliverResult = { claimed: number; sent: number; retried: number; failed: number };

export async function deliverDueAccountMail(
  options: { now?: Date; limit?: number; transport?: MailTransport | null; from?: string } = {},
): Promise<AccountDeliverResult> {
  const now = options.now ?? new Date();
  const transport = options.transport === undefined ? configuredTransport() : options.transport;
  const result: AccountDeliverResult = { claimed: 0, sent: 0, retried: 0, failed: 0 };
  if (!transport) return result;
  const ids = await claimDue(now, options.limit ?? 50);
  result.claimed = ids.length;
  for (const id of ids) {
    const message = await prisma().accountEmail.findFirst({ where: { id, status: "QUEUED" } });
    if (!message) continue;
    let error: string | null = null;
    try {
      await transport.sendMail({
        from: options.from ?? env().MAIL_FROM,
        to: message.recipient,
        subject: message.subject,
        html: message.html,
        text: message.text,
        // Marks account mail, so the demo's local SMTP server announces it on the console: no mailbox page shows it.
        headers: { "X-Steward-Account-Mail": message.kind },
        messageId: `<${message.id}@steward>`,
      });
    } catch (e) {
      error = `Could not send: ${(e as Error).message}`.slice(0, 500);
      log.warn("account mail delivery failed", { messageId: id, error });
    }
    const attempts = message.attempts + 1;
    const retryAt = error ? nextMailAttemptAt(attempts, now) : null;
    const status = !error ? "SENT" : retryAt ? "QUEUED" : "FAILED";
    await prisma().accountEmail.updateMany({
      where: { id, status: "QUEUED" },
      data: {
        attempts,
        lastError: error,
        status,
        sentAt: status === "SENT" ? now : null,
        nextAttemptAt: retryAt ?? now,
        // The token link leaves the outbox with the message.
        ...(status === "QUEUED" ? {} : { html: "", text: "" }),
      },
    });
    if (status === "SENT") result.sent++;
    else if (status === "QUEUED") result.retried++;
    else result.failed++;
  }
  return result;
}

import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

// The SMTP connection mail leaves through (nodemailer), one per URL per process.

export type MailTransport = Pick<Transporter, "sendMail">;

const transports = new Map<string, Transporter>();

/** A transport for an smtp:// or smtps:// URL, with short timeouts so a dead server fails an attempt quickly. */
export function smtpTransport(url: string): MailTransport {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport({
      url,
      // One kept-open connection per process: a backlog is sent without a new SMTP handshake per message.
      pool: true,
      maxConnections: 1,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      // A local catcher (the demo's, the tests') speaks plain SMTP; a real server is reached as the URL says.
      ignoreTLS: isLocal(url),
    } as Parameters<typeof nodemailer.createTransport>[0]);
    transports.set(url, transport);
  }
  return transport;
}

function isLocal(url: string) {
  const host = new URL(url).hostname;
  return host === "127.0.0.1" || host === "localhost" || host === "[::1]";
}

/** The configured transport, or null when SMTP_URL is unset (mail then stays queued). */
export function configuredTransport(): MailTransport | null {
  const url = env().SMTP_URL;
  return url ? smtpTransport(url) : null;
}

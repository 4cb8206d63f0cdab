import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

// A local SMTP server that accepts every message (no TLS, no auth) and keeps it: in memory for tests, and as .eml
// files in a folder for the demo's development mailbox. Listens on 127.0.0.1 only.

export type CaughtMail = { id: string; receivedAt: Date; envelopeTo: string[]; raw: string; parsed: ParsedMail };
export type MailCatcher = {
  url: string;
  port: number;
  messages: CaughtMail[];
  /** Resolves once `count` messages have arrived (or rejects after timeoutMs). */
  waitFor(count: number, timeoutMs?: number): Promise<CaughtMail[]>;
  close(): Promise<void>;
};

export async function startMailCatcher(
  options: { port?: number; dir?: string; onMail?: (mail: CaughtMail) => void } = {},
): Promise<MailCatcher> {
  const messages: CaughtMail[] = [];
  const waiters: (() => void)[] = [];
  if (options.dir) await mkdir(options.dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        let caught: CaughtMail;
        try {
          const raw = Buffer.concat(chunks).toString("utf8");
          const receivedAt = new Date();
          const id = `${receivedAt.getTime()}-${messages.length}`;
          if (options.dir) await writeFile(path.join(options.dir, `${id}.eml`), raw);
          caught = {
            id,
            receivedAt,
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            raw,
            parsed: await simpleParser(raw),
          };
          messages.push(caught);
          for (const wake of waiters.splice(0)) wake();
          callback();
        } catch (error) {
          callback(error as Error);
          return;
        }
        // After the sender was answered: what the listener does with a kept message cannot refuse it.
        options.onMail?.(caught);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`Expected ${count} messages, got ${messages.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100).unref();
        });
      }
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The messages a catcher kept in `dir`, newest first (the development mailbox). */
export async function readCaughtMail(dir: string, limit = 100): Promise<{ id: string; parsed: ParsedMail }[]> {
  const files = (await readdir(dir).catch(() => [] as string[]))
    .filter((f) => f.endsWith(".eml"))
    .sort()
    .reverse()
    .slice(0, limit);
  return Promise.all(
    files.map(async (f) => ({
      id: f.replace(/\.eml$/, ""),
      parsed: await simpleParser(await readFile(path.join(dir, f))),
    })),
  );
}

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { createIncident as seedIncident } from "@/lib/seed/factories";
import { runEscalationSweep } from "@/lib/incidents/escalation-sweep";
import { deliverDueMail } from "@/lib/mail/deliver";
import { chatWebhookSchema, setChatWebhook } from "@/lib/mail/chat";
import { startMailCatcher, type MailCatcher } from "@/lib/mail/catcher";
import { smtpTransport } from "@/lib/mail/transport";
import { mailFixture, type MailFixture } from "./fixture";

// Escalations posted to a workspace's chat incoming webhook (a real local HTTP receiver; the vitest config allows
// private addresses for it, as for the webhook tests).

let database: TestDatabase;
let catcher: MailCatcher;
let receiver: Server;
let posts: { path: string; body: string }[] = [];
let base = "";
let f: MailFixture;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      posts.push({ path: req.url ?? "", body });
      res.writeHead(req.url === "/down" ? 503 : 200).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  database = await createTestDatabase();
  catcher = await startMailCatcher();
  f = await mailFixture("chatty");
});
afterAll(async () => {
  await catcher.close();
  await database.close();
  await new Promise((resolve) => receiver.close(resolve));
});

describe("chat posts for escalations", () => {
  it("posts each escalation once as {text} and retries a failing channel", async () => {
    await withTenant({ tenantId: f.tenantId }, (db) => setChatWebhook(db, f.tenantId, `${base}/hooks/escalations`));
    const now = new Date();
    const incident = await withTenant({ tenantId: f.tenantId }, (db) =>
      seedIncident(db, f.tenantId, {
        partnerId: f.partner.id,
        touchpointId: f.touchpoint.id,
        severity: "CRITICAL",
        status: "OPEN",
        title: "Oven not installed",
        openedAt: new Date(now.getTime() - 30 * 60_000),
      }),
    );
    await runEscalationSweep(now);
    const send = (at: Date) =>
      deliverDueMail({ transport: smtpTransport(catcher.url), from: "Steward <no-reply@steward.test>", now: at });
    await send(now);
    await runEscalationSweep(new Date(now.getTime() + 60_000));
    await send(new Date(now.getTime() + 60_000));
    expect(posts.map((p) => p.path)).toEqual(["/hooks/escalations"]);
    const { text } = JSON.parse(posts[0].body) as { text: string };
    expect(text).toContain(
      `INC-${incident.number} escalated to level 2 (Channel manager): Oven not installed was not acknowledged in time`,
    );
    expect(text).toContain(`/t/${f.tenant.slug}/incidents/${incident.id}`);

    // A channel that answers 503 is retried later, like mail.
    posts = [];
    await withTenant({ tenantId: f.tenantId }, (db) => setChatWebhook(db, f.tenantId, `${base}/down`));
    await withTenant({ tenantId: f.tenantId }, (db) =>
      seedIncident(db, f.tenantId, {
        partnerId: f.partner.id,
        touchpointId: f.touchpoint.id,
        severity: "CRITICAL",
        status: "OPEN",
        openedAt: new Date(now.getTime() - 30 * 60_000),
      }),
    );
    await runEscalationSweep(now);
    expect(await send(now)).toMatchObject({ retried: 1 });
    const chat = await withTenant({ tenantId: f.tenantId }, (db) =>
      db.emailMessage.findFirst({ where: { kind: "chat", status: "QUEUED" } }),
    );
    expect(chat?.lastError).toContain("The chat webhook answered HTTP 503.");
  });

  it("refuses a URL that is not http(s) with the webhook guard's message", async () => {
    const result = await chatWebhookSchema.safeParseAsync({ url: "ftp://chat.example.com/hook" });
    expect(result.error?.issues[0].message).toBe("Use an https:// URL.");
    expect((await chatWebhookSchema.safeParseAsync({ url: "" })).success).toBe(true);
  });
});

import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { resetEnvCache } from "@/lib/env";
import { enqueueOutbox } from "@/lib/incidents/events";
import { addMember, createTenantWithOwner, createUser } from "@/lib/seed/factories";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { runWebhookDispatch } from "@/lib/webhooks/dispatch";
import { guardedPost, WebhookTargetBlocked } from "@/lib/webhooks/transport";
import { verifyWebhookSignature } from "@/lib/webhooks/signature";
import type { SessionUser } from "@/lib/auth/session";

// SSRF guard (at save time and at delivery) and signing-secret rotation, against a real receiver on
// 127.0.0.1 and the real server actions.

let signedIn: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
const { createWebhookEndpointAction, rotateWebhookSecretAction } = await import(
  "@/app/t/[tenant]/settings/webhooks/actions"
);

type Received = { path: string; headers: IncomingHttpHeaders; body: string };
let received: Received[] = [];
let server: Server;
let port = 0;
let database: TestDatabase;
let tenantId = "";
let otherTenantId = "";
const people: Record<string, SessionUser> = {};

const setAllowPrivate = (value: "0" | "1") => {
  process.env.STEWARD_WEBHOOKS_ALLOW_PRIVATE = value;
  resetEnvCache();
};

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  database = await createTestDatabase();
  const { tenant, owner } = await createTenantWithOwner({ slug: "acme" });
  tenantId = tenant.id;
  otherTenantId = (await createTenantWithOwner({ slug: "other" })).tenant.id;
  const steward = await createUser({ email: "steward@acme.test" });
  await withTenant({ tenantId }, (db) => addMember(db, { tenantId, userId: steward.user.id, role: "STEWARD" }));
  const session = (u: { id: string; email: string; name: string }) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    sessionId: "test",
  });
  people.owner = session(owner.user);
  people.steward = session(steward.user);
});
afterAll(async () => {
  await database.close();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(async () => {
  received = [];
  signedIn = people.owner;
  setAllowPrivate("0");
  await withTenant({ tenantId }, async (db) => {
    await db.outboxMessage.updateMany({ where: { processedAt: null }, data: { processedAt: new Date() } });
    await db.webhookEndpoint.deleteMany({});
  });
});
afterEach(() => setAllowPrivate("1"));

const endpoints = () =>
  withTenant({ tenantId }, (db) => db.webhookEndpoint.findMany({ orderBy: { createdAt: "asc" } }));
const deliveries = () =>
  withTenant({ tenantId }, (db) => db.webhookDelivery.findMany({ orderBy: { createdAt: "asc" } }));
const escalate = (incidentId: string) =>
  withTenant({ tenantId }, (db) => enqueueOutbox(db, tenantId, "incident.escalated", { incidentId }));

describe("SSRF guard", () => {
  it("refuses private, local and metadata URLs when an endpoint is saved, with a clear message, saving nothing", async () => {
    const cases: [string, string][] = [
      [
        `https://127.0.0.1:${port}/ok`,
        "127.0.0.1 points to a private or local network address (127.0.0.1); webhooks can only be sent to public internet addresses.",
      ],
      [
        "https://169.254.169.254/latest/meta-data/",
        "169.254.169.254 points to a private or local network address (169.254.169.254); webhooks can only be sent to public internet addresses.",
      ],
      [
        "https://10.0.0.8/hook",
        "10.0.0.8 points to a private or local network address (10.0.0.8); webhooks can only be sent to public internet addresses.",
      ],
      [
        "https://[fd00:ec2::254]/",
        "[fd00:ec2::254] points to a private or local network address (fd00:ec2::254); webhooks can only be sent to public internet addresses.",
      ],
      [
        "https://localhost/hook",
        "localhost points to a private or local network address (loopback); webhooks can only be sent to public internet addresses.",
      ],
      [
        `http://127.0.0.1:${port}/ok`,
        "127.0.0.1 points to a private or local network address (127.0.0.1); webhooks can only be sent to public internet addresses.",
      ],
      ["ftp://files.example.com/hook", "Use an https:// URL."],
    ];
    for (const [url, message] of cases) {
      const res = await createWebhookEndpointAction({ tenantSlug: "acme", url, events: ["incident.created"] });
      expect({ url, error: res.validationErrors?.fieldErrors?.url?.[0] }).toEqual({ url, error: message });
    }
    expect(await endpoints()).toEqual([]);
    // The test setting lets the local receiver in.
    setAllowPrivate("1");
    const local = await createWebhookEndpointAction({
      tenantSlug: "acme",
      url: `http://127.0.0.1:${port}/ok`,
      events: ["incident.created"],
    });
    expect(local.data?.secret).toMatch(/^whsec_/);
  });

  it("checks again at delivery time: an endpoint that now points to a private address gets nothing, and the log says why", async () => {
    // Saved while it was allowed (as if its DNS pointed elsewhere then); now the guard is on.
    await withTenant({ tenantId }, (db) =>
      createWebhookEndpoint(db, tenantId, { url: `http://127.0.0.1:${port}/ok`, events: ["incident.escalated"] }),
    );
    await escalate("i-1");
    const result = await runWebhookDispatch(new Date());
    expect(result).toMatchObject({ created: 1, delivered: 0, retried: 1 });
    expect(received).toEqual([]);
    const [delivery] = await deliveries();
    expect(delivery).toMatchObject({ status: "PENDING", attempts: 1, responseStatus: null });
    expect(delivery.lastError).toBe(
      "Not sent: 127.0.0.1 points to a private or local network address (127.0.0.1); webhooks can only be sent to public internet addresses.",
    );
  });

  it("connects to exactly the address it checked (a second DNS answer cannot redirect the request)", async () => {
    setAllowPrivate("1");
    let lookups = 0;
    // receiver.test is not in any DNS: the request can only arrive through the checked answer.
    const post = guardedPost(async (host) => {
      lookups++;
      if (host !== "receiver.test") throw new Error("unexpected host");
      return [{ address: "127.0.0.1", family: 4 }];
    });
    const answer = await post(`http://receiver.test:${port}/pinned`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(answer.status).toBe(204);
    expect(lookups).toBe(1);
    expect(received.map((r) => [r.path, r.headers.host])).toEqual([["/pinned", `receiver.test:${port}`]]);
    // With the guard on, the same name resolving to a private address is refused before any connection.
    setAllowPrivate("0");
    const privateAnswer = guardedPost(async () => [{ address: "127.0.0.1", family: 4 }]);
    await expect(
      privateAnswer(`https://receiver.test:${port}/blocked`, { method: "POST", body: "{}" }),
    ).rejects.toBeInstanceOf(WebhookTargetBlocked);
    expect(received).toHaveLength(1);
  });
});

describe("signing-secret rotation", () => {
  it("gives an owner a new secret once; later deliveries are signed with it, not the old one; audited", async () => {
    setAllowPrivate("1");
    const created = await createWebhookEndpointAction({
      tenantSlug: "acme",
      url: `http://127.0.0.1:${port}/ok`,
      events: ["incident.escalated"],
    });
    const oldSecret = created.data!.secret;
    const rotated = await rotateWebhookSecretAction({ tenantSlug: "acme", endpointId: created.data!.id });
    expect(rotated.serverError).toBeUndefined();
    const newSecret = rotated.data!.secret;
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(oldSecret);
    expect((await endpoints())[0].secret).toBe(newSecret);

    await escalate("i-2");
    expect(await runWebhookDispatch(new Date())).toMatchObject({ delivered: 1 });
    const [request] = received;
    const headers = { get: (name: string) => (request.headers[name] as string | undefined) ?? null };
    expect(verifyWebhookSignature(newSecret, headers, request.body)).toMatchObject({ ok: true });
    expect(verifyWebhookSignature(oldSecret, headers, request.body)).toMatchObject({ ok: false });

    const audit = await withTenant({ tenantId }, async (db) =>
      (
        await db.auditLog.findMany({
          where: { entityType: "WebhookEndpoint", entityId: created.data!.id },
          orderBy: { createdAt: "asc" },
        })
      ).map((a) => [a.action, JSON.stringify(a.data)]),
    );
    expect(audit.map(([action]) => action)).toEqual(["webhook.created", "webhook.secret_rotated"]);
    expect(audit.some(([, data]) => data.includes(newSecret) || data.includes(oldSecret))).toBe(false);
  });

  it("refuses a steward, and an endpoint id of another tenant (not found); nothing changes", async () => {
    const { endpoint, secret } = await withTenant({ tenantId }, (db) =>
      createWebhookEndpoint(db, tenantId, { url: "https://hooks.example.com/steward", events: ["incident.created"] }),
    );
    const foreign = await withTenant({ tenantId: otherTenantId }, (db) =>
      createWebhookEndpoint(db, otherTenantId, {
        url: "https://hooks.example.com/other",
        events: ["incident.created"],
      }),
    );
    signedIn = people.steward;
    expect(
      (await rotateWebhookSecretAction({ tenantSlug: "acme", endpointId: endpoint.id })).serverError,
    ).toBeDefined();
    signedIn = people.owner;
    expect((await rotateWebhookSecretAction({ tenantSlug: "acme", endpointId: foreign.endpoint.id })).serverError).toBe(
      "That webhook endpoint was not found.",
    );
    expect((await endpoints())[0].secret).toBe(secret);
    const otherRow = await withTenant({ tenantId: otherTenantId }, (db) =>
      db.webhookEndpoint.findFirst({ where: { id: foreign.endpoint.id } }),
    );
    expect(otherRow?.secret).toBe(foreign.secret);
  });
});

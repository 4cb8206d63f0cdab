import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { assignPartner } from "@/lib/seed/factories";
import { incidentTenant } from "./incident-tenant";
import { createIncident } from "@/lib/incidents/create-incident";
import { transitionIncident } from "@/lib/incidents/update-incident";
import { saveSlaPolicy } from "@/lib/incidents/sla-policies";
import { refreshOpenIncidentDeadlines } from "@/lib/incidents/refresh-deadlines";
import { escalateIncident } from "@/lib/incidents/escalation-sweep";
import type { Actor } from "@/lib/incidents/events";

let database: TestDatabase;
let tenantId = "";
let partnerId = "";
let touchpointId = "";
const steward: Actor = { userId: null, label: "steward", kind: "steward" };
const opened = new Date("2031-03-04T10:00:00Z");
const MIN = 60_000;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ tenantId, partnerId, touchpointId } = await incidentTenant("retarget"));
  await withTenant({ tenantId }, (db) => assignPartner(db, tenantId, touchpointId, partnerId));
});
afterAll(() => database.close());

const open = (title: string) =>
  withTenant({ tenantId }, (db) =>
    createIncident(
      db,
      tenantId,
      {
        severity: "LOW",
        category: "No-show",
        title,
        description: "The installer never came.",
        partnerId,
        touchpointId,
      },
      steward,
      "STEWARD",
      opened,
    ),
  );
const load = (id: string) =>
  withTenant({ tenantId }, (db) => db.incident.findFirstOrThrow({ where: { tenantId, id } }));

describe("changing an SLA policy re-targets the open incidents it governs", () => {
  it("moves the deadlines of open incidents of that severity only, and the sweep then escalates on the new target", async () => {
    const running = await open("Open LOW");
    const resolved = await open("Resolved LOW");
    await withTenant({ tenantId }, async (db) => {
      await transitionIncident(db, tenantId, { incidentId: resolved.id, to: "ACKNOWLEDGED" }, steward, opened);
      await transitionIncident(db, tenantId, { incidentId: resolved.id, to: "IN_PROGRESS" }, steward, opened);
      await transitionIncident(
        db,
        tenantId,
        { incidentId: resolved.id, to: "RESOLVED", rootCause: "Van broke down", resolution: "Rebooked" },
        steward,
        opened,
      );
    });
    expect((await load(running.id)).ackDueAt?.toISOString()).toBe(
      new Date(opened.getTime() + 1440 * MIN).toISOString(),
    );
    const resolvedBefore = await load(resolved.id);

    const retargeted = await withTenant({ tenantId }, async (db) => {
      await saveSlaPolicy(db, tenantId, {
        severity: "LOW",
        ackMinutes: 1,
        resolveMinutes: 60,
        businessHoursOnly: false,
      });
      return refreshOpenIncidentDeadlines(db, tenantId, { severity: "LOW", now: opened });
    });
    expect(retargeted).toBe(1);
    const after = await load(running.id);
    expect(after.ackDueAt?.toISOString()).toBe("2031-03-04T10:01:00.000Z");
    expect(after.resolveDueAt?.toISOString()).toBe("2031-03-04T11:00:00.000Z");
    expect(after.nextDueAt?.toISOString()).toBe("2031-03-04T10:01:00.000Z");
    const resolvedAfter = await load(resolved.id);
    expect(resolvedAfter.nextDueAt).toBeNull();
    expect(resolvedAfter.ackDueAt?.toISOString()).toBe(resolvedBefore.ackDueAt?.toISOString());

    // two minutes later the (new) acknowledge target is breached: level 2
    const escalated = await withTenant({ tenantId }, (db) =>
      escalateIncident(db, tenantId, running.id, new Date(opened.getTime() + 2 * MIN)),
    );
    expect(escalated).toBe(1);
    expect((await load(running.id)).escalationLevel).toBe(2);
  });

  it("leaves other severities alone", async () => {
    const high = await withTenant({ tenantId }, (db) =>
      createIncident(
        db,
        tenantId,
        { severity: "HIGH", category: "Late", title: "High one", description: "Late again.", partnerId, touchpointId },
        steward,
        "STEWARD",
        opened,
      ),
    );
    const before = await load(high.id);
    const retargeted = await withTenant({ tenantId }, (db) =>
      refreshOpenIncidentDeadlines(db, tenantId, { severity: "LOW", now: opened }),
    );
    expect(retargeted).toBe(1); // the open LOW incident of the first test, not this HIGH one
    expect((await load(high.id)).nextDueAt?.toISOString()).toBe(before.nextDueAt?.toISOString());
  });
});

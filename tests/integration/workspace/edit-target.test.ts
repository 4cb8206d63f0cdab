import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { createStandard, createTenantWithOwner, createTouchpoint } from "@/lib/seed/factories";
import { editTargetExists } from "@/lib/workspace/edit-target";

let database: TestDatabase;
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const acme = (await createTenantWithOwner({ slug: "acme" })).tenant.id;
  const other = (await createTenantWithOwner({ slug: "other" })).tenant.id;
  ids.acme = acme;
  await withTenant({ tenantId: acme }, async (db) => {
    const touchpoint = await createTouchpoint(db, acme, { name: "Delivery" });
    const current = await createStandard(db, acme, touchpoint.id, { name: "On time" });
    const old = await createStandard(db, acme, touchpoint.id, {
      name: "On time (v1)",
      lineageId: current.id,
      version: 0,
      isCurrent: false,
    });
    Object.assign(ids, { touchpoint: touchpoint.id, current: current.id, old: old.id });
  });
  await withTenant({ tenantId: other }, async (db) => {
    const touchpoint = await createTouchpoint(db, other, { name: "Store" });
    ids.foreignTouchpoint = touchpoint.id;
    ids.foreignStandard = (await createStandard(db, other, touchpoint.id)).id;
  });
});
afterAll(() => database.close());

describe("a page's ?edit= target (Touchpoints and Standards answer 404 before streaming)", () => {
  it("finds the workspace's touchpoint and current standard", async () => {
    expect(await editTargetExists("touchpoint", ids.acme, ids.touchpoint)).toBe(true);
    expect(await editTargetExists("standard", ids.acme, ids.current)).toBe(true);
  });

  it("does not find an old standard version, a foreign record, an id of the other kind or a made-up id", async () => {
    expect(await editTargetExists("standard", ids.acme, ids.old)).toBe(false);
    expect(await editTargetExists("touchpoint", ids.acme, ids.foreignTouchpoint)).toBe(false);
    expect(await editTargetExists("standard", ids.acme, ids.foreignStandard)).toBe(false);
    expect(await editTargetExists("standard", ids.acme, ids.touchpoint)).toBe(false);
    expect(await editTargetExists("touchpoint", ids.acme, "no-such-id")).toBe(false);
  });
});

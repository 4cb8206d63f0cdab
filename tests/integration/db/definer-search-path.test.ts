import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { prisma } from "@/lib/db/client";

// Every sweep reader that runs with the migration role's rights (SECURITY DEFINER) has its search_path pinned to
// the schema with pg_temp last, so a caller's path cannot put its own objects in front of the ones it reads.

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("SECURITY DEFINER sweep readers", () => {
  it("pin search_path to public, pg_temp", async () => {
    const rows = await prisma().$queryRaw<{ name: string; config: string[] | null }[]>`
      select p.proname as name, p.proconfig as config
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and p.prosecdef and p.proname in
        ('due_incident_escalations', 'due_incident_notices', 'due_plan_action_escalations')
      order by 1`;
    expect(rows.map((r) => ({ name: r.name, path: r.config?.find((c) => c.startsWith("search_path=")) }))).toEqual([
      { name: "due_incident_escalations", path: "search_path=public, pg_temp" },
      { name: "due_incident_notices", path: "search_path=public, pg_temp" },
      { name: "due_plan_action_escalations", path: "search_path=public, pg_temp" },
    ]);
  });
});

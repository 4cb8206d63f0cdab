import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { prisma } from "@/lib/db/client";

// Every function that runs with the migration role's rights (SECURITY DEFINER) has its search_path pinned to the
// schema with pg_temp last, so a caller's path cannot put its own objects in front of the ones it reads.

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("SECURITY DEFINER functions", () => {
  it("pin search_path to public, pg_temp, every one of them", async () => {
    const rows = await prisma().$queryRaw<{ name: string; config: string[] | null }[]>`
      select p.proname as name, p.proconfig as config
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and p.prosecdef
      order by 1`;
    const paths = rows.map((r) => ({ name: r.name, path: r.config?.find((c) => c.startsWith("search_path=")) }));
    // The sweeps' readers and the customer readers a partner's context uses, at least.
    expect(paths.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        "due_incident_escalations",
        "due_incident_notices",
        "due_plan_action_escalations",
        "due_plan_action_reminders",
        "known_customer_ids",
        "customer_id_of_ref",
      ]),
    );
    expect(paths.filter((p) => p.path !== "search_path=public, pg_temp")).toEqual([]);
  });
});

-- The history of touchpoint assignments, so a past month is reproducible (issue 14): recomputing month M reads the
-- assignments in force at M's end, not today's. TouchpointPartner stays as it is (today's reads are unchanged); a
-- trigger appends one event per insert (at its assignedAt) and per delete (at the time of the delete). A delete that
-- cascades from deleting the partner, the touchpoint or the workspace records nothing (nothing is left to score).

-- CreateTable
CREATE TABLE "TouchpointAssignmentEvent" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "touchpointId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "assigned" BOOLEAN NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TouchpointAssignmentEvent_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateIndex
CREATE INDEX "TouchpointAssignmentEvent_tenantId_at_idx" ON "TouchpointAssignmentEvent"("tenantId", "at");

-- AddForeignKey
ALTER TABLE "TouchpointAssignmentEvent" ADD CONSTRAINT "TouchpointAssignmentEvent_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The event id sorts by the time it was written (microseconds), then a random part.
CREATE FUNCTION touchpoint_assignment_event_id() RETURNS text
LANGUAGE sql VOLATILE
AS $$ SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISSUS') || '-' || gen_random_uuid()::text $$;

-- Backfill: every existing assignment, from its assignedAt (before row-level security is forced on the new table).
-- "TouchpointPartner" has FORCE ROW LEVEL SECURITY and the migration role may not be a superuser (app.tenant_id is
-- unset here), so without a policy of its own the read sees no row at all. The migration role gets a read-only policy
-- for the length of the backfill (steward_app is not a member of it), and the copy is checked against the source.
DO $$
DECLARE
  assignments bigint;
  events bigint;
BEGIN
  EXECUTE format('CREATE POLICY assignment_backfill ON "TouchpointPartner" AS PERMISSIVE FOR SELECT TO %I USING (true)',
                 current_user);
  INSERT INTO "TouchpointAssignmentEvent" ("tenantId", "id", "touchpointId", "partnerId", "assigned", "at")
  SELECT "tenantId", touchpoint_assignment_event_id(), "touchpointId", "partnerId", true, "assignedAt"
  FROM "TouchpointPartner";
  SELECT count(*) INTO assignments FROM "TouchpointPartner";
  SELECT count(*) INTO events FROM "TouchpointAssignmentEvent";
  DROP POLICY assignment_backfill ON "TouchpointPartner";
  IF events < assignments THEN
    RAISE EXCEPTION 'touchpoint assignment backfill copied % of % assignments', events, assignments;
  END IF;
END
$$;

-- Row-level security, as for every tenant table (docs/decisions/003-row-level-security.md); partner users see only
-- their own partner's events. Append-only: the app role may read and insert, never update or delete.
GRANT SELECT, INSERT ON "TouchpointAssignmentEvent" TO steward_app;
ALTER TABLE "TouchpointAssignmentEvent" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "TouchpointAssignmentEvent" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "TouchpointAssignmentEvent"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());
CREATE POLICY partner_isolation ON "TouchpointAssignmentEvent" AS RESTRICTIVE
  USING (app_partner_id() IS NULL OR "partnerId" = app_partner_id());

-- An event is never dated before the pair's previous event (the app's clock, which dates assignedAt, and the
-- database's may differ slightly), so the latest event of a pair is always its current state.
CREATE FUNCTION record_touchpoint_assignment() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  pair "TouchpointPartner" := CASE WHEN TG_OP = 'INSERT' THEN NEW ELSE OLD END;
  happened timestamp(3) := CASE WHEN TG_OP = 'INSERT' THEN NEW."assignedAt" ELSE clock_timestamp() AT TIME ZONE 'UTC' END;
  previous timestamp(3);
BEGIN
  IF TG_OP = 'DELETE' AND NOT (
    EXISTS (SELECT 1 FROM "Partner" WHERE "tenantId" = pair."tenantId" AND "id" = pair."partnerId")
    AND EXISTS (SELECT 1 FROM "Touchpoint" WHERE "tenantId" = pair."tenantId" AND "id" = pair."touchpointId")
  ) THEN
    RETURN NULL;
  END IF;
  SELECT max("at") INTO previous FROM "TouchpointAssignmentEvent"
  WHERE "tenantId" = pair."tenantId" AND "touchpointId" = pair."touchpointId" AND "partnerId" = pair."partnerId";
  INSERT INTO "TouchpointAssignmentEvent" ("tenantId", "id", "touchpointId", "partnerId", "assigned", "at")
  VALUES (pair."tenantId", touchpoint_assignment_event_id(), pair."touchpointId", pair."partnerId", TG_OP = 'INSERT',
          greatest(happened, previous));
  RETURN NULL;
END
$$;

CREATE TRIGGER touchpoint_assignment_history
AFTER INSERT OR DELETE ON "TouchpointPartner"
FOR EACH ROW EXECUTE FUNCTION record_touchpoint_assignment();

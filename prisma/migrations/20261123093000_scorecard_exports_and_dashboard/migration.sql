-- AlterTable
ALTER TABLE "Scorecard" ADD COLUMN "equityServed" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "Scorecard" ADD COLUMN "equityAtRisk" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "Scorecard" ADD COLUMN "incidents" INTEGER;

-- CreateTable
CREATE TABLE "ScorecardExport" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "format" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "content" bytea NOT NULL,
    "size" INTEGER NOT NULL,
    "partners" INTEGER NOT NULL,
    "jobId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScorecardExport_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateIndex
CREATE INDEX "Incident_tenantId_openedAt_touchpointId_partnerId_status_idx" ON "Incident"("tenantId", "openedAt", "touchpointId", "partnerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ScorecardExport_tenantId_month_format_key" ON "ScorecardExport"("tenantId", "month", "format");

-- AddForeignKey
ALTER TABLE "ScorecardExport" ADD CONSTRAINT "ScorecardExport_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill the new Scorecard columns from the details every card already stores.
UPDATE "Scorecard" SET
  "equityServed" = (details #>> '{subScores,value,inputs,equityServed}')::float8,
  "equityAtRisk" = (details #>> '{subScores,value,inputs,equityAtRisk}')::float8,
  "incidents" = (details #>> '{subScores,incidents,inputs,incidents}')::int;

-- Tenant table: row-level security; stored exports are for stewards only (partners export their own card on demand).
GRANT SELECT, INSERT, UPDATE, DELETE ON "ScorecardExport" TO steward_app;
ALTER TABLE "ScorecardExport" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ScorecardExport" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ScorecardExport"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());
CREATE POLICY steward_only ON "ScorecardExport" AS RESTRICTIVE FOR SELECT
  USING (app_partner_id() IS NULL);

-- The scorecard export sweep (lib/scorecards/export-job.ts) finds export jobs that were queued but never
-- started, or left RUNNING by a process that died, in every tenant. Like due_incident_escalations(), this
-- function runs with the migration role's rights and returns ids only; each job then runs inside withTenant.
-- The migration role gets a read-only policy of its own on "Job" (FORCE ROW LEVEL SECURITY applies to it).
DO $$
BEGIN
  EXECUTE format('CREATE POLICY scorecard_export_sweep ON "Job" AS PERMISSIVE FOR SELECT TO %I USING (true)', current_user);
END
$$;

CREATE FUNCTION queued_scorecard_exports(p_queued_before timestamp, p_started_before timestamp, p_limit integer)
RETURNS TABLE ("tenantId" text, "id" text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
AS $$
  SELECT j."tenantId", j."id"
  FROM "Job" j
  WHERE j."kind" = 'scorecards.export'
    AND ((j."status" = 'QUEUED' AND j."createdAt" <= p_queued_before)
      OR (j."status" = 'RUNNING' AND j."startedAt" <= p_started_before))
  ORDER BY j."createdAt"
  LIMIT p_limit
$$;

REVOKE ALL ON FUNCTION queued_scorecard_exports(timestamp, timestamp, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION queued_scorecard_exports(timestamp, timestamp, integer) TO steward_app;

-- Corrective-action plans (issue 18, item 1): lib/plans.

-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('DRAFT', 'PROPOSED', 'ACCEPTED', 'DISPUTED', 'IN_PROGRESS', 'VERIFIED', 'CLOSED_UNMET');

-- CreateEnum
CREATE TYPE "PlanActionStatus" AS ENUM ('OPEN', 'DONE', 'VERIFIED');

-- CreateTable
CREATE TABLE "CorrectivePlan" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "scorecardId" TEXT,
    "touchpointId" TEXT,
    "rootCause" TEXT,
    "status" "PlanStatus" NOT NULL DEFAULT 'DRAFT',
    "disputeReason" TEXT,
    "createdById" TEXT,
    "ownerMembershipId" TEXT,
    "proposedAt" TIMESTAMP(3),
    "acceptedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CorrectivePlan_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateTable
CREATE TABLE "PlanAction" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "description" TEXT NOT NULL,
    "ownerMembershipId" TEXT,
    "ownerContactId" TEXT,
    "dueOn" DATE NOT NULL,
    "metric" TEXT NOT NULL,
    "standardId" TEXT,
    "baseline" DOUBLE PRECISION,
    "target" DOUBLE PRECISION,
    "status" "PlanActionStatus" NOT NULL DEFAULT 'OPEN',
    "doneAt" TIMESTAMP(3),
    "verifiedAt" TIMESTAMP(3),
    "escalationLevel" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanAction_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateTable
CREATE TABLE "PlanEvent" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "actionId" TEXT,
    "type" TEXT NOT NULL,
    "body" TEXT,
    "link" TEXT,
    "actorUserId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanEvent_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateTable
CREATE TABLE "PlanActionEscalation" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanActionEscalation_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateIndex
CREATE INDEX "CorrectivePlan_tenantId_partnerId_status_idx" ON "CorrectivePlan"("tenantId", "partnerId", "status");

-- CreateIndex
CREATE INDEX "CorrectivePlan_tenantId_status_idx" ON "CorrectivePlan"("tenantId", "status");

-- CreateIndex
CREATE INDEX "PlanAction_tenantId_planId_position_idx" ON "PlanAction"("tenantId", "planId", "position");

-- CreateIndex
CREATE INDEX "PlanAction_status_dueOn_idx" ON "PlanAction"("status", "dueOn");

-- CreateIndex
CREATE INDEX "PlanEvent_tenantId_planId_createdAt_idx" ON "PlanEvent"("tenantId", "planId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PlanActionEscalation_tenantId_actionId_level_key" ON "PlanActionEscalation"("tenantId", "actionId", "level");

-- AddForeignKey
ALTER TABLE "CorrectivePlan" ADD CONSTRAINT "CorrectivePlan_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrectivePlan" ADD CONSTRAINT "CorrectivePlan_tenantId_partnerId_fkey" FOREIGN KEY ("tenantId", "partnerId") REFERENCES "Partner"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanAction" ADD CONSTRAINT "PlanAction_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanAction" ADD CONSTRAINT "PlanAction_tenantId_planId_fkey" FOREIGN KEY ("tenantId", "planId") REFERENCES "CorrectivePlan"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanEvent" ADD CONSTRAINT "PlanEvent_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanEvent" ADD CONSTRAINT "PlanEvent_tenantId_planId_fkey" FOREIGN KEY ("tenantId", "planId") REFERENCES "CorrectivePlan"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanActionEscalation" ADD CONSTRAINT "PlanActionEscalation_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanActionEscalation" ADD CONSTRAINT "PlanActionEscalation_tenantId_actionId_fkey" FOREIGN KEY ("tenantId", "actionId") REFERENCES "PlanAction"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security, as for every tenant table (docs/decisions/003-row-level-security.md). Partner users and
-- partner API keys see their own partner's plans only, and never a steward's draft.
GRANT SELECT, INSERT, UPDATE, DELETE ON "CorrectivePlan" TO steward_app;
ALTER TABLE "CorrectivePlan" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "CorrectivePlan" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "CorrectivePlan"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());
CREATE POLICY partner_isolation ON "CorrectivePlan" AS RESTRICTIVE
  USING (app_partner_id() IS NULL OR ("partnerId" = app_partner_id() AND "status" <> 'DRAFT'));

GRANT SELECT, INSERT, UPDATE, DELETE ON "PlanAction" TO steward_app;
ALTER TABLE "PlanAction" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PlanAction" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PlanAction"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());
CREATE POLICY partner_isolation ON "PlanAction" AS RESTRICTIVE
  USING (app_partner_id() IS NULL OR ("partnerId" = app_partner_id() AND "planId" IN (SELECT "id" FROM "CorrectivePlan")));

GRANT SELECT, INSERT, UPDATE, DELETE ON "PlanEvent" TO steward_app;
ALTER TABLE "PlanEvent" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PlanEvent" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PlanEvent"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());
CREATE POLICY partner_isolation ON "PlanEvent" AS RESTRICTIVE
  USING (app_partner_id() IS NULL OR ("partnerId" = app_partner_id() AND "planId" IN (SELECT "id" FROM "CorrectivePlan")));

GRANT SELECT, INSERT, UPDATE, DELETE ON "PlanActionEscalation" TO steward_app;
ALTER TABLE "PlanActionEscalation" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PlanActionEscalation" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PlanActionEscalation"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());
CREATE POLICY partner_isolation ON "PlanActionEscalation" AS RESTRICTIVE
  USING (app_partner_id() IS NULL OR "partnerId" = app_partner_id());

-- The overdue sweep (lib/plans/overdue-sweep.ts) finds overdue actions in every tenant, like
-- due_incident_escalations(): this function, owned by the migration role and run with its rights, returns only
-- (tenantId, actionId) pairs; each action is then escalated inside withTenant. The migration role gets read-only
-- policies of its own on the two tables it reads (FORCE ROW LEVEL SECURITY applies to it too).
DO $$
BEGIN
  EXECUTE format('CREATE POLICY plan_overdue_sweep ON "PlanAction" AS PERMISSIVE FOR SELECT TO %I USING (true)', current_user);
  EXECUTE format('CREATE POLICY plan_overdue_sweep ON "CorrectivePlan" AS PERMISSIVE FOR SELECT TO %I USING (true)', current_user);
END
$$;

CREATE FUNCTION due_plan_action_escalations(p_now timestamp, p_grace_days integer, p_limit integer)
RETURNS TABLE ("tenantId" text, "actionId" text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
AS $$
  SELECT a."tenantId", a."id"
  FROM "PlanAction" a
  JOIN "CorrectivePlan" p ON p."tenantId" = a."tenantId" AND p."id" = a."planId"
  WHERE a."status" = 'OPEN'
    AND p."status" IN ('ACCEPTED', 'IN_PROGRESS')
    AND a."dueOn" + 1 <= p_now
    AND (a."escalationLevel" < 1 OR (a."escalationLevel" < 2 AND a."dueOn" + 1 + p_grace_days <= p_now))
  ORDER BY a."dueOn"
  LIMIT p_limit
$$;

REVOKE ALL ON FUNCTION due_plan_action_escalations(timestamp, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION due_plan_action_escalations(timestamp, integer, integer) TO steward_app;

-- Issue 18: a manual de-escalation holds breaches already passed; approved incentive months with their payouts;
-- saved escalation-inbox views.
ALTER TABLE "Incident" ADD COLUMN "escalationHeldAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "IncentiveMonth" (
    "tenantId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "rules" JSONB NOT NULL,
    "currency" TEXT NOT NULL,
    "poolCents" INTEGER NOT NULL,
    "paidCents" INTEGER NOT NULL,
    "note" TEXT,
    "approvedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "approvedById" TEXT NOT NULL,

    CONSTRAINT "IncentiveMonth_pkey" PRIMARY KEY ("tenantId", "month")
);

-- CreateTable
CREATE TABLE "IncentivePayout" (
    "tenantId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "partnerId" TEXT NOT NULL,
    "score" DOUBLE PRECISION,
    "equityServed" DOUBLE PRECISION,
    "band" TEXT,
    "previousTier" TEXT,
    "tier" TEXT,
    "streak" INTEGER NOT NULL,
    "tierReason" TEXT NOT NULL,
    "eligible" BOOLEAN NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,
    "share" DOUBLE PRECISION NOT NULL,
    "payoutCents" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "IncentivePayout_pkey" PRIMARY KEY ("tenantId", "month", "partnerId")
);

-- CreateTable
CREATE TABLE "InboxView" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InboxView_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateIndex
CREATE INDEX "IncentivePayout_tenantId_partnerId_month_idx" ON "IncentivePayout"("tenantId", "partnerId", "month");

-- CreateIndex
CREATE INDEX "InboxView_tenantId_shared_idx" ON "InboxView"("tenantId", "shared");

-- CreateIndex
CREATE UNIQUE INDEX "InboxView_tenantId_membershipId_name_key" ON "InboxView"("tenantId", "membershipId", "name");

-- AddForeignKey
ALTER TABLE "IncentiveMonth" ADD CONSTRAINT "IncentiveMonth_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncentivePayout" ADD CONSTRAINT "IncentivePayout_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncentivePayout" ADD CONSTRAINT "IncentivePayout_tenantId_partnerId_fkey" FOREIGN KEY ("tenantId", "partnerId") REFERENCES "Partner"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncentivePayout" ADD CONSTRAINT "IncentivePayout_tenantId_month_fkey" FOREIGN KEY ("tenantId", "month") REFERENCES "IncentiveMonth"("tenantId", "month") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InboxView" ADD CONSTRAINT "InboxView_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InboxView" ADD CONSTRAINT "InboxView_tenantId_membershipId_fkey" FOREIGN KEY ("tenantId", "membershipId") REFERENCES "Membership"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security, as for every tenant table (docs/decisions/003-row-level-security.md). A partner user reads
-- its own payouts only; the approved month's totals and the inbox views are the brand's.
GRANT SELECT, INSERT, UPDATE, DELETE ON "IncentiveMonth" TO steward_app;
ALTER TABLE "IncentiveMonth" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "IncentiveMonth" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "IncentiveMonth"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());
CREATE POLICY steward_only ON "IncentiveMonth" AS RESTRICTIVE
  USING (app_partner_id() IS NULL);

GRANT SELECT, INSERT, UPDATE, DELETE ON "IncentivePayout" TO steward_app;
ALTER TABLE "IncentivePayout" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "IncentivePayout" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "IncentivePayout"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());
CREATE POLICY partner_isolation ON "IncentivePayout" AS RESTRICTIVE
  USING (app_partner_id() IS NULL OR "partnerId" = app_partner_id());

GRANT SELECT, INSERT, UPDATE, DELETE ON "InboxView" TO steward_app;
ALTER TABLE "InboxView" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "InboxView" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "InboxView"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());
CREATE POLICY steward_only ON "InboxView" AS RESTRICTIVE
  USING (app_partner_id() IS NULL);

-- CreateEnum
CREATE TYPE "EquityDimension" AS ENUM ('SERVING_PARTNER', 'ACQUIRING_PARTNER', 'TOUCHPOINT', 'SEGMENT', 'CHANNEL', 'SERVED_B2B', 'SERVED_B2C');

-- CreateTable
CREATE TABLE "EquityRollup" (
    "tenantId" TEXT NOT NULL,
    "asOf" DATE NOT NULL,
    "dimension" "EquityDimension" NOT NULL,
    "key" TEXT NOT NULL,
    "customers" INTEGER NOT NULL,
    "equity" DOUBLE PRECISION NOT NULL,
    "served" DOUBLE PRECISION,

    CONSTRAINT "EquityRollup_pkey" PRIMARY KEY ("tenantId", "asOf", "dimension", "key")
);

-- AddForeignKey
ALTER TABLE "EquityRollup" ADD CONSTRAINT "EquityRollup_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tenant table: row-level security, and like the CLV snapshots it summarises, stewards only.
ALTER TABLE "EquityRollup" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "EquityRollup" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "EquityRollup"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());
CREATE POLICY steward_only ON "EquityRollup" AS RESTRICTIVE FOR SELECT
  USING (app_partner_id() IS NULL);
GRANT SELECT, INSERT, UPDATE, DELETE ON "EquityRollup" TO steward_app;

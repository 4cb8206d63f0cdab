-- Channel design (issue 19, part 2): the value proposition each touchpoint serves, and its RACI
-- (who is Responsible, Accountable, Consulted, Informed: a partner, or the brand when partnerId is null).
CREATE TYPE "ValueProposition" AS ENUM ('INTENSITY_OF_EXPERIENCE', 'WORLD_CLASS_SERVICE', 'CONVENIENT_SOLUTIONS', 'CUSTOMIZATION');
CREATE TYPE "RaciRole" AS ENUM ('RESPONSIBLE', 'ACCOUNTABLE', 'CONSULTED', 'INFORMED');

ALTER TABLE "Touchpoint" ADD COLUMN "valueProposition" "ValueProposition";

CREATE TABLE "TouchpointRole" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "touchpointId" TEXT NOT NULL,
    "role" "RaciRole" NOT NULL,
    "partnerId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TouchpointRole_pkey" PRIMARY KEY ("tenantId", "id")
);

CREATE INDEX "TouchpointRole_tenantId_touchpointId_idx" ON "TouchpointRole"("tenantId", "touchpointId");
CREATE INDEX "TouchpointRole_tenantId_partnerId_idx" ON "TouchpointRole"("tenantId", "partnerId");

ALTER TABLE "TouchpointRole" ADD CONSTRAINT "TouchpointRole_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TouchpointRole" ADD CONSTRAINT "TouchpointRole_tenantId_touchpointId_fkey" FOREIGN KEY ("tenantId", "touchpointId") REFERENCES "Touchpoint"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TouchpointRole" ADD CONSTRAINT "TouchpointRole_tenantId_partnerId_fkey" FOREIGN KEY ("tenantId", "partnerId") REFERENCES "Partner"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

GRANT SELECT, INSERT, UPDATE, DELETE ON "TouchpointRole" TO steward_app;
ALTER TABLE "TouchpointRole" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "TouchpointRole" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "TouchpointRole"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());
-- Partner users see only the roles their own partner holds (not the brand's, not another partner's).
CREATE POLICY partner_isolation ON "TouchpointRole" AS RESTRICTIVE
  USING (app_partner_id() IS NULL OR "partnerId" = app_partner_id());

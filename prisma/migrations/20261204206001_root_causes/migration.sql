-- The workspace root-cause taxonomy (issue 19, item 5): a short list of causes in categories; an incident's root
-- cause picks one of them (Incident.rootCauseId) and keeps its free text as a note (Incident.rootCause).

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "rootCauseId" TEXT;

-- CreateTable
CREATE TABLE "RootCause" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RootCause_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RootCause_tenantId_label_key" ON "RootCause"("tenantId", "label");

-- CreateIndex
CREATE INDEX "Incident_tenantId_rootCauseId_idx" ON "Incident"("tenantId", "rootCauseId");

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_tenantId_rootCauseId_fkey" FOREIGN KEY ("tenantId", "rootCauseId") REFERENCES "RootCause"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RootCause" ADD CONSTRAINT "RootCause_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security: the workspace's causes; partners read them (to pick one when resolving) and never write them.
GRANT SELECT, INSERT, UPDATE, DELETE ON "RootCause" TO steward_app;
ALTER TABLE "RootCause" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "RootCause" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "RootCause"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());
CREATE POLICY steward_writes ON "RootCause" AS RESTRICTIVE FOR INSERT
  WITH CHECK (app_partner_id() IS NULL);
CREATE POLICY steward_updates ON "RootCause" AS RESTRICTIVE FOR UPDATE
  USING (app_partner_id() IS NULL);
CREATE POLICY steward_deletes ON "RootCause" AS RESTRICTIVE FOR DELETE
  USING (app_partner_id() IS NULL);

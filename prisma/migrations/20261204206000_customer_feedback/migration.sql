-- Customer feedback at the moments of truth (issue 19, item 1): survey invitations and their answers, and the
-- per-address attempts that throttle the public survey page.

-- CreateTable
CREATE TABLE "CustomerFeedback" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "touchpointId" TEXT NOT NULL,
    "customerId" TEXT,
    "interactionId" TEXT,
    "incidentId" TEXT,
    "source" TEXT NOT NULL,
    "tokenHash" TEXT,
    "emailed" BOOLEAN NOT NULL DEFAULT false,
    "expiresAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "csat" INTEGER,
    "nps" INTEGER,
    "comment" TEXT,
    "externalRef" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerFeedback_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateTable
CREATE TABLE "SurveyAttempt" (
    "id" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CustomerFeedback_tenantId_tokenHash_key" ON "CustomerFeedback"("tenantId", "tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerFeedback_tenantId_externalRef_key" ON "CustomerFeedback"("tenantId", "externalRef");

-- CreateIndex
CREATE INDEX "CustomerFeedback_tenantId_customerId_touchpointId_createdAt_idx" ON "CustomerFeedback"("tenantId", "customerId", "touchpointId", "createdAt");

-- CreateIndex
CREATE INDEX "CustomerFeedback_tenantId_partnerId_touchpointId_answeredAt_idx" ON "CustomerFeedback"("tenantId", "partnerId", "touchpointId", "answeredAt");

-- CreateIndex
CREATE INDEX "CustomerFeedback_tenantId_answeredAt_idx" ON "CustomerFeedback"("tenantId", "answeredAt");

-- CreateIndex
CREATE INDEX "SurveyAttempt_ip_createdAt_idx" ON "SurveyAttempt"("ip", "createdAt");

-- AddForeignKey
ALTER TABLE "CustomerFeedback" ADD CONSTRAINT "CustomerFeedback_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerFeedback" ADD CONSTRAINT "CustomerFeedback_tenantId_partnerId_fkey" FOREIGN KEY ("tenantId", "partnerId") REFERENCES "Partner"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerFeedback" ADD CONSTRAINT "CustomerFeedback_tenantId_touchpointId_fkey" FOREIGN KEY ("tenantId", "touchpointId") REFERENCES "Touchpoint"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerFeedback" ADD CONSTRAINT "CustomerFeedback_tenantId_customerId_fkey" FOREIGN KEY ("tenantId", "customerId") REFERENCES "Customer"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerFeedback" ADD CONSTRAINT "CustomerFeedback_tenantId_interactionId_fkey" FOREIGN KEY ("tenantId", "interactionId") REFERENCES "Interaction"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerFeedback" ADD CONSTRAINT "CustomerFeedback_tenantId_incidentId_fkey" FOREIGN KEY ("tenantId", "incidentId") REFERENCES "Incident"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Row-level security (docs/decisions/003-row-level-security.md): the workspace's rows only, and a partner's user or
-- key sees and writes only the feedback about its own partner.
GRANT SELECT, INSERT, UPDATE, DELETE ON "CustomerFeedback" TO steward_app;
ALTER TABLE "CustomerFeedback" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "CustomerFeedback" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "CustomerFeedback"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());
CREATE POLICY partner_isolation ON "CustomerFeedback" AS RESTRICTIVE
  USING (app_partner_id() IS NULL OR "partnerId" = app_partner_id());

-- Not tenant data (an answer attempt precedes knowing the link's workspace): no row-level security, like SignUpAttempt.
GRANT SELECT, INSERT, UPDATE, DELETE ON "SurveyAttempt" TO steward_app;

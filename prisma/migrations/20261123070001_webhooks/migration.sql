-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastAttemptAt" TIMESTAMP(3),
    "responseStatus" INTEGER,
    "lastError" TEXT,
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_tenantId_endpointId_eventId_key" ON "WebhookDelivery"("tenantId", "endpointId", "eventId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_tenantId_createdAt_idx" ON "WebhookDelivery"("tenantId", "createdAt");

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_tenantId_endpointId_fkey" FOREIGN KEY ("tenantId", "endpointId") REFERENCES "WebhookEndpoint"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security, as for every tenant table (docs/decisions/003-row-level-security.md); the
-- delivery log is steward-only, like the endpoints.
GRANT SELECT, INSERT, UPDATE, DELETE ON "WebhookDelivery" TO steward_app;
ALTER TABLE "WebhookDelivery" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "WebhookDelivery" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "WebhookDelivery"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());
CREATE POLICY steward_only ON "WebhookDelivery" AS RESTRICTIVE
  USING (app_partner_id() IS NULL);

-- The webhook dispatcher (lib/webhooks/dispatch.ts) finds due outbox messages and due deliveries in
-- every tenant, like the escalation sweep: these functions, owned by the migration role and run with
-- its rights, return only (tenantId, id) pairs; each row is then handled inside withTenant.
DO $$
BEGIN
  EXECUTE format('CREATE POLICY webhook_dispatch ON "OutboxMessage" AS PERMISSIVE FOR SELECT TO %I USING (true)', current_user);
  EXECUTE format('CREATE POLICY webhook_dispatch ON "WebhookDelivery" AS PERMISSIVE FOR SELECT TO %I USING (true)', current_user);
END
$$;

CREATE FUNCTION due_outbox_messages(p_now timestamp, p_limit integer)
RETURNS TABLE ("tenantId" text, "id" text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
AS $$
  SELECT o."tenantId", o."id"
  FROM "OutboxMessage" o
  WHERE o."processedAt" IS NULL AND o."nextAttemptAt" <= p_now
  ORDER BY o."nextAttemptAt", o."id"
  LIMIT p_limit
$$;

REVOKE ALL ON FUNCTION due_outbox_messages(timestamp, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION due_outbox_messages(timestamp, integer) TO steward_app;

CREATE FUNCTION due_webhook_deliveries(p_now timestamp, p_limit integer)
RETURNS TABLE ("tenantId" text, "id" text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
AS $$
  SELECT d."tenantId", d."id"
  FROM "WebhookDelivery" d
  WHERE d."status" = 'PENDING' AND d."nextAttemptAt" <= p_now
  ORDER BY d."nextAttemptAt", d."id"
  LIMIT p_limit
$$;

REVOKE ALL ON FUNCTION due_webhook_deliveries(timestamp, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION due_webhook_deliveries(timestamp, integer) TO steward_app;

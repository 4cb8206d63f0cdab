-- CreateTable
CREATE TABLE "EmailMessage" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "userId" TEXT,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "link" TEXT,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailMessage_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateTable
CREATE TABLE "EmailPreference" (
    "tenantId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmailPreference_pkey" PRIMARY KEY ("tenantId", "userId", "kind")
);

-- CreateIndex
CREATE UNIQUE INDEX "EmailMessage_tenantId_eventKey_recipient_key" ON "EmailMessage"("tenantId", "eventKey", "recipient");

-- CreateIndex
CREATE INDEX "EmailMessage_status_nextAttemptAt_idx" ON "EmailMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "EmailMessage_tenantId_createdAt_idx" ON "EmailMessage"("tenantId", "createdAt");

-- AddForeignKey
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailPreference" ADD CONSTRAINT "EmailPreference_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security, as for every tenant table (docs/decisions/003-row-level-security.md). The delivery log is
-- steward-only like the webhook log; preferences are read and written by partner users too (their own rows).
GRANT SELECT, INSERT, UPDATE, DELETE ON "EmailMessage" TO steward_app;
ALTER TABLE "EmailMessage" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "EmailMessage" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "EmailMessage"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());
CREATE POLICY steward_only ON "EmailMessage" AS RESTRICTIVE
  USING (app_partner_id() IS NULL);

GRANT SELECT, INSERT, UPDATE, DELETE ON "EmailPreference" TO steward_app;
ALTER TABLE "EmailPreference" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "EmailPreference" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "EmailPreference"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());

-- The mail sender (lib/mail/deliver.ts) claims due messages in every tenant, like the webhook dispatcher: this
-- function, owned by the migration role and run with its rights, leases up to p_limit due messages (moves their
-- nextAttemptAt to p_lease_until, skipping rows another sender holds locked) and returns only (tenantId, id) pairs;
-- each message is then read and updated inside withTenant.
DO $$
BEGIN
  EXECUTE format('CREATE POLICY mail_delivery ON "EmailMessage" AS PERMISSIVE FOR ALL TO %I USING (true) WITH CHECK (true)', current_user);
END
$$;

CREATE FUNCTION claim_due_email_messages(p_now timestamp, p_lease_until timestamp, p_limit integer)
RETURNS TABLE ("tenantId" text, "id" text)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT
AS $$
  UPDATE "EmailMessage" m SET "nextAttemptAt" = p_lease_until
  FROM (
    SELECT d."tenantId", d."id" FROM "EmailMessage" d
    WHERE d."status" = 'QUEUED' AND d."nextAttemptAt" <= p_now
    ORDER BY d."nextAttemptAt", d."id"
    LIMIT p_limit
    FOR UPDATE SKIP LOCKED
  ) due
  WHERE m."tenantId" = due."tenantId" AND m."id" = due."id"
  RETURNING m."tenantId", m."id"
$$;

REVOKE ALL ON FUNCTION claim_due_email_messages(timestamp, timestamp, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION claim_due_email_messages(timestamp, timestamp, integer) TO steward_app;

-- The daily digest (lib/mail/digest.ts) visits only the tenants that hold messages for it.
CREATE FUNCTION tenants_with_held_email()
RETURNS TABLE ("tenantId" text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
AS $$
  SELECT DISTINCT m."tenantId" FROM "EmailMessage" m WHERE m."status" = 'HELD'
$$;

REVOKE ALL ON FUNCTION tenants_with_held_email() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenants_with_held_email() TO steward_app;

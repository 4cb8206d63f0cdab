-- The escalation inbox under row-level security. Enum equality (enum_eq) is not leakproof, so
-- behind RLS a "status" = … condition cannot be used as an index condition and the
-- ("tenantId", "status", "nextDueAt") index degrades to a scan of the tenant's incidents.
-- nextDueAt is set exactly while an SLA clock runs and pausedAt exactly while WAITING, so these
-- two indexes (leakproof timestamp comparisons, IS NOT NULL) find the incidents that need work.

-- CreateIndex
CREATE INDEX "Incident_tenantId_nextDueAt_idx" ON "Incident"("tenantId", "nextDueAt");

-- CreateIndex
CREATE INDEX "Incident_tenantId_pausedAt_idx" ON "Incident"("tenantId", "pausedAt");

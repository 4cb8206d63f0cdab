-- An answer's externalRef is the partner system's own id: unique per partner, so a partner key reusing a reference
-- another partner used is a new answer, not a 409 that tells it the other partner's reference exists.
DROP INDEX "CustomerFeedback_tenantId_externalRef_key";
CREATE UNIQUE INDEX "CustomerFeedback_tenantId_partnerId_externalRef_key" ON "CustomerFeedback"("tenantId", "partnerId", "externalRef");

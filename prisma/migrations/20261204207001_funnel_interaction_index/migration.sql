-- The engagement funnel (issue 19, part 3) reads a month of interactions by touchpoint and customer: this
-- index makes that an index-only scan (partnerId is in it for the row-level security partner check).
CREATE INDEX "Interaction_funnel_idx" ON "Interaction"("tenantId", "occurredAt", "touchpointId", "customerId", "partnerId");

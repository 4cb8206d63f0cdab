-- An optional chat incoming-webhook URL per workspace (Slack- and Teams-compatible) for escalations (issue 16).
ALTER TABLE "Tenant" ADD COLUMN "chatWebhookUrl" TEXT;

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('OWNER', 'STEWARD', 'ANALYST', 'PARTNER_ADMIN', 'PARTNER_AGENT');

-- CreateEnum
CREATE TYPE "PartnerType" AS ENUM ('DELIVERY', 'INSTALLER', 'RESELLER', 'RETAILER', 'SERVICE', 'HOST', 'CURBSIDE', 'OTHER');

-- CreateEnum
CREATE TYPE "PartnerTier" AS ENUM ('REGISTERED', 'SILVER', 'GOLD', 'PLATINUM');

-- CreateEnum
CREATE TYPE "PartnerStatus" AS ENUM ('PROSPECT', 'VETTING', 'ACTIVE', 'PROBATION', 'OFFBOARDED');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('ONLINE', 'STORE', 'PHONE', 'FIELD');

-- CreateEnum
CREATE TYPE "MetricKind" AS ENUM ('PERCENTAGE', 'RATING', 'DURATION', 'PASS_FAIL');

-- CreateEnum
CREATE TYPE "Comparator" AS ENUM ('GTE', 'LTE');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW');

-- CreateEnum
CREATE TYPE "AssessmentSource" AS ENUM ('AUDIT', 'SURVEY', 'SYSTEM', 'SELF_REPORT');

-- CreateEnum
CREATE TYPE "Verification" AS ENUM ('PENDING', 'VERIFIED', 'REJECTED');

-- CreateEnum
CREATE TYPE "InteractionOutcome" AS ENUM ('SUCCESS', 'PARTIAL', 'FAILURE');

-- CreateEnum
CREATE TYPE "IncidentStatus" AS ENUM ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'WAITING', 'RESOLVED', 'CLOSED');

-- CreateEnum
CREATE TYPE "IncidentSource" AS ENUM ('STEWARD', 'PARTNER', 'API');

-- CreateEnum
CREATE TYPE "Segment" AS ENUM ('B2B', 'B2C');

-- CreateEnum
CREATE TYPE "ClvModel" AS ENUM ('RETENTION', 'BG_NBD');

-- CreateEnum
CREATE TYPE "ScorecardStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "Recommendation" AS ENUM ('REWARD', 'MAINTAIN', 'DEVELOP', 'PROBATION', 'EXIT');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "failedLogins" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tenant" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "settings" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Tenant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "partnerId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "partnerId" TEXT,
    "tokenHash" TEXT NOT NULL,
    "invitedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateTable
CREATE TABLE "Partner" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "PartnerType" NOT NULL,
    "tier" "PartnerTier" NOT NULL DEFAULT 'REGISTERED',
    "status" "PartnerStatus" NOT NULL DEFAULT 'PROSPECT',
    "region" TEXT NOT NULL,
    "contractStart" DATE,
    "contractEnd" DATE,
    "website" TEXT,
    "description" TEXT,
    "alignmentScore" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Partner_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateTable
CREATE TABLE "PartnerContact" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "title" TEXT,
    "isPrimary" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "PartnerContact_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateTable
CREATE TABLE "AlignmentQuestion" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "position" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "AlignmentQuestion_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateTable
CREATE TABLE "AlignmentAnswer" (
    "tenantId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "note" TEXT,
    "answeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlignmentAnswer_pkey" PRIMARY KEY ("tenantId", "partnerId", "questionId")
);

-- CreateTable
CREATE TABLE "Touchpoint" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "stage" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "isMomentOfTruth" BOOLEAN NOT NULL DEFAULT false,
    "weight" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Touchpoint_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateTable
CREATE TABLE "TouchpointPartner" (
    "tenantId" TEXT NOT NULL,
    "touchpointId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TouchpointPartner_pkey" PRIMARY KEY ("tenantId", "touchpointId", "partnerId")
);

-- CreateTable
CREATE TABLE "ExperienceStandard" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "lineageId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "isCurrent" BOOLEAN NOT NULL DEFAULT true,
    "touchpointId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "metricKind" "MetricKind" NOT NULL,
    "comparator" "Comparator" NOT NULL,
    "target" DOUBLE PRECISION NOT NULL,
    "unit" TEXT,
    "weight" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "severity" "Severity" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExperienceStandard_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateTable
CREATE TABLE "StandardAcknowledgement" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "standardId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "trainingCompleted" BOOLEAN NOT NULL DEFAULT false,
    "acknowledgedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StandardAcknowledgement_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "standardId" TEXT NOT NULL,
    "period" DATE NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "met" BOOLEAN NOT NULL,
    "source" "AssessmentSource" NOT NULL,
    "evidenceText" TEXT,
    "evidenceUrl" TEXT,
    "verification" "Verification" NOT NULL DEFAULT 'VERIFIED',
    "verifiedById" TEXT,
    "verifiedAt" TIMESTAMP(3),
    "rejectionReason" TEXT,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateTable
CREATE TABLE "Interaction" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "touchpointId" TEXT NOT NULL,
    "customerId" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "outcome" "InteractionOutcome" NOT NULL,
    "csat" INTEGER,
    "nps" INTEGER,
    "externalRef" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Interaction_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateTable
CREATE TABLE "SlaPolicy" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "severity" "Severity" NOT NULL,
    "ackMinutes" INTEGER NOT NULL,
    "resolveMinutes" INTEGER NOT NULL,
    "businessHoursOnly" BOOLEAN NOT NULL DEFAULT false,
    "ladder" JSONB NOT NULL DEFAULT '[]',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SlaPolicy_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateTable
CREATE TABLE "Incident" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "partnerId" TEXT NOT NULL,
    "touchpointId" TEXT NOT NULL,
    "customerId" TEXT,
    "severity" "Severity" NOT NULL,
    "category" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "customersAffected" INTEGER NOT NULL DEFAULT 1,
    "costRefunds" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "costReshipment" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "costCredits" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "costHandling" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "status" "IncidentStatus" NOT NULL DEFAULT 'OPEN',
    "source" "IncidentSource" NOT NULL,
    "escalationLevel" INTEGER NOT NULL DEFAULT 1,
    "assigneeId" TEXT,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "pausedMinutes" INTEGER NOT NULL DEFAULT 0,
    "pausedAt" TIMESTAMP(3),
    "extraMinutes" INTEGER NOT NULL DEFAULT 0,
    "ackDueAt" TIMESTAMP(3),
    "resolveDueAt" TIMESTAMP(3),
    "nextDueAt" TIMESTAMP(3),
    "rootCause" TEXT,
    "resolution" TEXT,
    "externalRef" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateTable
CREATE TABLE "IncidentEvent" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "fromStatus" "IncidentStatus",
    "toStatus" "IncidentStatus",
    "body" TEXT,
    "internal" BOOLEAN NOT NULL DEFAULT false,
    "actorUserId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "data" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncidentEvent_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateTable
CREATE TABLE "Escalation" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Escalation_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT,
    "link" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateTable
CREATE TABLE "Customer" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "externalRef" TEXT,
    "name" TEXT,
    "email" TEXT,
    "segment" "Segment" NOT NULL,
    "acquiredAt" TIMESTAMP(3) NOT NULL,
    "acquiringPartnerId" TEXT,
    "acquisitionCost" DECIMAL(12,2),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateTable
CREATE TABLE "Transaction" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "revenue" DECIMAL(12,2) NOT NULL,
    "margin" DECIMAL(12,2) NOT NULL,
    "servingPartnerId" TEXT,
    "touchpointId" TEXT,
    "channel" "Channel",
    "externalRef" TEXT,

    CONSTRAINT "Transaction_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateTable
CREATE TABLE "CustomerValue" (
    "tenantId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "asOf" DATE NOT NULL,
    "model" "ClvModel" NOT NULL,
    "clv" DOUBLE PRECISION NOT NULL,
    "probabilityAlive" DOUBLE PRECISION,
    "expectedPurchases" DOUBLE PRECISION,
    "expectedMargin" DOUBLE PRECISION,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerValue_pkey" PRIMARY KEY ("tenantId", "customerId", "asOf")
);

-- CreateTable
CREATE TABLE "ClvFit" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "asOf" DATE NOT NULL,
    "model" "ClvModel" NOT NULL,
    "params" JSONB NOT NULL,
    "logLikelihood" DOUBLE PRECISION,
    "converged" BOOLEAN NOT NULL,
    "iterations" INTEGER NOT NULL,
    "quality" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClvFit_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateTable
CREATE TABLE "Scorecard" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "status" "ScorecardStatus" NOT NULL DEFAULT 'DRAFT',
    "complianceScore" DOUBLE PRECISION,
    "experienceScore" DOUBLE PRECISION,
    "incidentScore" DOUBLE PRECISION,
    "valueScore" DOUBLE PRECISION,
    "engagementScore" DOUBLE PRECISION,
    "score" DOUBLE PRECISION,
    "rank" INTEGER,
    "peerCount" INTEGER,
    "change" DOUBLE PRECISION,
    "recommendation" "Recommendation",
    "details" JSONB NOT NULL DEFAULT '{}',
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),
    "publishedById" TEXT,

    CONSTRAINT "Scorecard_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateTable
CREATE TABLE "ScorecardComment" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "scorecardId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "acknowledged" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScorecardComment_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateTable
CREATE TABLE "PartnerSurveyResponse" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "communication" INTEGER NOT NULL,
    "fairness" INTEGER NOT NULL,
    "tools" INTEGER NOT NULL,
    "support" INTEGER NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartnerSurveyResponse_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "partnerId" TEXT,
    "rateLimitPerMinute" INTEGER NOT NULL DEFAULT 600,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "events" TEXT[] NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "actorUserId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "data" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("tenantId", "id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "UserSession_userId_idx" ON "UserSession"("userId");

-- CreateIndex
CREATE INDEX "LoginAttempt_email_createdAt_idx" ON "LoginAttempt"("email", "createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_ip_createdAt_idx" ON "LoginAttempt"("ip", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Tenant_slug_key" ON "Tenant"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_tenantId_userId_key" ON "Membership"("tenantId", "userId");

-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_tenantId_email_idx" ON "Invitation"("tenantId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "Partner_tenantId_name_key" ON "Partner"("tenantId", "name");

-- CreateIndex
CREATE INDEX "Partner_tenantId_status_idx" ON "Partner"("tenantId", "status");

-- CreateIndex
CREATE INDEX "Partner_tenantId_type_idx" ON "Partner"("tenantId", "type");

-- CreateIndex
CREATE INDEX "PartnerContact_tenantId_partnerId_idx" ON "PartnerContact"("tenantId", "partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "Touchpoint_tenantId_name_key" ON "Touchpoint"("tenantId", "name");

-- CreateIndex
CREATE INDEX "TouchpointPartner_tenantId_partnerId_idx" ON "TouchpointPartner"("tenantId", "partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "ExperienceStandard_tenantId_lineageId_version_key" ON "ExperienceStandard"("tenantId", "lineageId", "version");

-- CreateIndex
CREATE INDEX "ExperienceStandard_tenantId_touchpointId_idx" ON "ExperienceStandard"("tenantId", "touchpointId");

-- CreateIndex
CREATE UNIQUE INDEX "StandardAcknowledgement_tenantId_standardId_partnerId_key" ON "StandardAcknowledgement"("tenantId", "standardId", "partnerId");

-- CreateIndex
CREATE INDEX "StandardAcknowledgement_tenantId_partnerId_idx" ON "StandardAcknowledgement"("tenantId", "partnerId");

-- CreateIndex
CREATE INDEX "Assessment_tenantId_partnerId_period_idx" ON "Assessment"("tenantId", "partnerId", "period");

-- CreateIndex
CREATE INDEX "Assessment_tenantId_standardId_idx" ON "Assessment"("tenantId", "standardId");

-- CreateIndex
CREATE INDEX "Assessment_tenantId_verification_idx" ON "Assessment"("tenantId", "verification");

-- CreateIndex
CREATE UNIQUE INDEX "Interaction_tenantId_externalRef_key" ON "Interaction"("tenantId", "externalRef");

-- CreateIndex
CREATE INDEX "Interaction_tenantId_customerId_idx" ON "Interaction"("tenantId", "customerId");

-- CreateIndex
CREATE INDEX "Interaction_tenantId_partnerId_occurredAt_idx" ON "Interaction"("tenantId", "partnerId", "occurredAt");

-- CreateIndex
CREATE INDEX "Interaction_tenantId_touchpointId_occurredAt_idx" ON "Interaction"("tenantId", "touchpointId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "SlaPolicy_tenantId_severity_key" ON "SlaPolicy"("tenantId", "severity");

-- CreateIndex
CREATE UNIQUE INDEX "Incident_tenantId_externalRef_key" ON "Incident"("tenantId", "externalRef");

-- CreateIndex
CREATE UNIQUE INDEX "Incident_tenantId_number_key" ON "Incident"("tenantId", "number");

-- CreateIndex
CREATE INDEX "Incident_tenantId_customerId_idx" ON "Incident"("tenantId", "customerId");

-- CreateIndex
CREATE INDEX "Incident_tenantId_partnerId_openedAt_idx" ON "Incident"("tenantId", "partnerId", "openedAt");

-- CreateIndex
CREATE INDEX "Incident_tenantId_status_nextDueAt_idx" ON "Incident"("tenantId", "status", "nextDueAt");

-- CreateIndex
CREATE INDEX "Incident_tenantId_touchpointId_idx" ON "Incident"("tenantId", "touchpointId");

-- CreateIndex
CREATE INDEX "IncidentEvent_tenantId_incidentId_createdAt_idx" ON "IncidentEvent"("tenantId", "incidentId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Escalation_tenantId_incidentId_level_key" ON "Escalation"("tenantId", "incidentId", "level");

-- CreateIndex
CREATE INDEX "Notification_tenantId_membershipId_readAt_idx" ON "Notification"("tenantId", "membershipId", "readAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_processedAt_nextAttemptAt_idx" ON "OutboxMessage"("processedAt", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_tenantId_externalRef_key" ON "Customer"("tenantId", "externalRef");

-- CreateIndex
CREATE INDEX "Customer_tenantId_acquiringPartnerId_idx" ON "Customer"("tenantId", "acquiringPartnerId");

-- CreateIndex
CREATE INDEX "Customer_tenantId_segment_idx" ON "Customer"("tenantId", "segment");

-- CreateIndex
CREATE UNIQUE INDEX "Transaction_tenantId_externalRef_key" ON "Transaction"("tenantId", "externalRef");

-- CreateIndex
CREATE INDEX "Transaction_tenantId_customerId_occurredAt_idx" ON "Transaction"("tenantId", "customerId", "occurredAt");

-- CreateIndex
CREATE INDEX "Transaction_tenantId_occurredAt_idx" ON "Transaction"("tenantId", "occurredAt");

-- CreateIndex
CREATE INDEX "Transaction_tenantId_servingPartnerId_idx" ON "Transaction"("tenantId", "servingPartnerId");

-- CreateIndex
CREATE INDEX "CustomerValue_tenantId_asOf_idx" ON "CustomerValue"("tenantId", "asOf");

-- CreateIndex
CREATE INDEX "ClvFit_tenantId_asOf_idx" ON "ClvFit"("tenantId", "asOf");

-- CreateIndex
CREATE UNIQUE INDEX "Scorecard_tenantId_partnerId_month_version_key" ON "Scorecard"("tenantId", "partnerId", "month", "version");

-- CreateIndex
CREATE INDEX "Scorecard_tenantId_month_status_idx" ON "Scorecard"("tenantId", "month", "status");

-- CreateIndex
CREATE INDEX "ScorecardComment_tenantId_scorecardId_idx" ON "ScorecardComment"("tenantId", "scorecardId");

-- CreateIndex
CREATE UNIQUE INDEX "PartnerSurveyResponse_tenantId_partnerId_userId_quarter_key" ON "PartnerSurveyResponse"("tenantId", "partnerId", "userId", "quarter");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_keyHash_key" ON "ApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "AuditLog_tenantId_createdAt_idx" ON "AuditLog"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_tenantId_entityType_entityId_idx" ON "AuditLog"("tenantId", "entityType", "entityId");

-- AddForeignKey
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_tenantId_partnerId_fkey" FOREIGN KEY ("tenantId", "partnerId") REFERENCES "Partner"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_tenantId_partnerId_fkey" FOREIGN KEY ("tenantId", "partnerId") REFERENCES "Partner"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Partner" ADD CONSTRAINT "Partner_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerContact" ADD CONSTRAINT "PartnerContact_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerContact" ADD CONSTRAINT "PartnerContact_tenantId_partnerId_fkey" FOREIGN KEY ("tenantId", "partnerId") REFERENCES "Partner"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlignmentQuestion" ADD CONSTRAINT "AlignmentQuestion_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlignmentAnswer" ADD CONSTRAINT "AlignmentAnswer_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlignmentAnswer" ADD CONSTRAINT "AlignmentAnswer_tenantId_partnerId_fkey" FOREIGN KEY ("tenantId", "partnerId") REFERENCES "Partner"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlignmentAnswer" ADD CONSTRAINT "AlignmentAnswer_tenantId_questionId_fkey" FOREIGN KEY ("tenantId", "questionId") REFERENCES "AlignmentQuestion"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Touchpoint" ADD CONSTRAINT "Touchpoint_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TouchpointPartner" ADD CONSTRAINT "TouchpointPartner_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TouchpointPartner" ADD CONSTRAINT "TouchpointPartner_tenantId_partnerId_fkey" FOREIGN KEY ("tenantId", "partnerId") REFERENCES "Partner"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TouchpointPartner" ADD CONSTRAINT "TouchpointPartner_tenantId_touchpointId_fkey" FOREIGN KEY ("tenantId", "touchpointId") REFERENCES "Touchpoint"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExperienceStandard" ADD CONSTRAINT "ExperienceStandard_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExperienceStandard" ADD CONSTRAINT "ExperienceStandard_tenantId_touchpointId_fkey" FOREIGN KEY ("tenantId", "touchpointId") REFERENCES "Touchpoint"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StandardAcknowledgement" ADD CONSTRAINT "StandardAcknowledgement_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StandardAcknowledgement" ADD CONSTRAINT "StandardAcknowledgement_tenantId_partnerId_fkey" FOREIGN KEY ("tenantId", "partnerId") REFERENCES "Partner"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StandardAcknowledgement" ADD CONSTRAINT "StandardAcknowledgement_tenantId_standardId_fkey" FOREIGN KEY ("tenantId", "standardId") REFERENCES "ExperienceStandard"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_tenantId_partnerId_fkey" FOREIGN KEY ("tenantId", "partnerId") REFERENCES "Partner"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_tenantId_standardId_fkey" FOREIGN KEY ("tenantId", "standardId") REFERENCES "ExperienceStandard"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interaction" ADD CONSTRAINT "Interaction_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interaction" ADD CONSTRAINT "Interaction_tenantId_customerId_fkey" FOREIGN KEY ("tenantId", "customerId") REFERENCES "Customer"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interaction" ADD CONSTRAINT "Interaction_tenantId_partnerId_fkey" FOREIGN KEY ("tenantId", "partnerId") REFERENCES "Partner"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interaction" ADD CONSTRAINT "Interaction_tenantId_touchpointId_fkey" FOREIGN KEY ("tenantId", "touchpointId") REFERENCES "Touchpoint"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlaPolicy" ADD CONSTRAINT "SlaPolicy_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_tenantId_assigneeId_fkey" FOREIGN KEY ("tenantId", "assigneeId") REFERENCES "Membership"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_tenantId_customerId_fkey" FOREIGN KEY ("tenantId", "customerId") REFERENCES "Customer"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_tenantId_partnerId_fkey" FOREIGN KEY ("tenantId", "partnerId") REFERENCES "Partner"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_tenantId_touchpointId_fkey" FOREIGN KEY ("tenantId", "touchpointId") REFERENCES "Touchpoint"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentEvent" ADD CONSTRAINT "IncidentEvent_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentEvent" ADD CONSTRAINT "IncidentEvent_tenantId_incidentId_fkey" FOREIGN KEY ("tenantId", "incidentId") REFERENCES "Incident"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_tenantId_incidentId_fkey" FOREIGN KEY ("tenantId", "incidentId") REFERENCES "Incident"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_tenantId_membershipId_fkey" FOREIGN KEY ("tenantId", "membershipId") REFERENCES "Membership"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_tenantId_acquiringPartnerId_fkey" FOREIGN KEY ("tenantId", "acquiringPartnerId") REFERENCES "Partner"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transaction" ADD CONSTRAINT "Transaction_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transaction" ADD CONSTRAINT "Transaction_tenantId_customerId_fkey" FOREIGN KEY ("tenantId", "customerId") REFERENCES "Customer"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transaction" ADD CONSTRAINT "Transaction_tenantId_servingPartnerId_fkey" FOREIGN KEY ("tenantId", "servingPartnerId") REFERENCES "Partner"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transaction" ADD CONSTRAINT "Transaction_tenantId_touchpointId_fkey" FOREIGN KEY ("tenantId", "touchpointId") REFERENCES "Touchpoint"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerValue" ADD CONSTRAINT "CustomerValue_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerValue" ADD CONSTRAINT "CustomerValue_tenantId_customerId_fkey" FOREIGN KEY ("tenantId", "customerId") REFERENCES "Customer"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClvFit" ADD CONSTRAINT "ClvFit_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scorecard" ADD CONSTRAINT "Scorecard_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scorecard" ADD CONSTRAINT "Scorecard_tenantId_partnerId_fkey" FOREIGN KEY ("tenantId", "partnerId") REFERENCES "Partner"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScorecardComment" ADD CONSTRAINT "ScorecardComment_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScorecardComment" ADD CONSTRAINT "ScorecardComment_tenantId_scorecardId_fkey" FOREIGN KEY ("tenantId", "scorecardId") REFERENCES "Scorecard"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerSurveyResponse" ADD CONSTRAINT "PartnerSurveyResponse_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerSurveyResponse" ADD CONSTRAINT "PartnerSurveyResponse_tenantId_partnerId_fkey" FOREIGN KEY ("tenantId", "partnerId") REFERENCES "Partner"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_tenantId_partnerId_fkey" FOREIGN KEY ("tenantId", "partnerId") REFERENCES "Partner"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookEndpoint" ADD CONSTRAINT "WebhookEndpoint_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Row-level security: the second wall behind the tenant scoping of lib/db. The app connects as
-- (or SET ROLEs to) steward_app, which is neither superuser, BYPASSRLS nor owner of the tables,
-- and sets app.tenant_id (and app.partner_id for partner users) per transaction.

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'steward_app') THEN
    CREATE ROLE steward_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
  IF NOT pg_has_role(current_user, 'steward_app', 'MEMBER') THEN
    EXECUTE format('GRANT steward_app TO %I', current_user);
  END IF;
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO steward_app', current_schema());
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO steward_app', current_schema());
  EXECUTE format('REVOKE ALL ON TABLE %I._prisma_migrations FROM steward_app', current_schema());
END $$;

CREATE FUNCTION app_tenant_id() RETURNS text LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.tenant_id', true), '') $$;
CREATE FUNCTION app_partner_id() RETURNS text LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.partner_id', true), '') $$;
CREATE FUNCTION app_user_id() RETURNS text LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.user_id', true), '') $$;
CREATE FUNCTION app_invite_token_hash() RETURNS text LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.invite_token_hash', true), '') $$;

-- Tenant: your current tenant, or any tenant you are a member of (for the tenant switcher).
ALTER TABLE "Tenant" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Tenant" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Tenant"
  USING ("id" = app_tenant_id() OR "id" IN (SELECT "tenantId" FROM "Membership" WHERE "userId" = app_user_id()))
  WITH CHECK ("id" = app_tenant_id());

-- Every tenant table: rows of the tenant in context only.
ALTER TABLE "Membership" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Membership" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Membership"
  USING ("tenantId" = app_tenant_id() OR "userId" = app_user_id())
  WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "Invitation" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Invitation" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Invitation"
  USING ("tenantId" = app_tenant_id() OR "tokenHash" = app_invite_token_hash())
  WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "Partner" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Partner" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Partner"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "PartnerContact" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PartnerContact" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PartnerContact"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "AlignmentQuestion" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AlignmentQuestion" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "AlignmentQuestion"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "AlignmentAnswer" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AlignmentAnswer" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "AlignmentAnswer"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "Touchpoint" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Touchpoint" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Touchpoint"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "TouchpointPartner" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "TouchpointPartner" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "TouchpointPartner"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "ExperienceStandard" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ExperienceStandard" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ExperienceStandard"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "StandardAcknowledgement" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "StandardAcknowledgement" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "StandardAcknowledgement"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "Assessment" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Assessment" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Assessment"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "Interaction" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Interaction" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Interaction"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "SlaPolicy" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "SlaPolicy" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "SlaPolicy"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "Incident" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Incident" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Incident"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "IncidentEvent" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "IncidentEvent" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "IncidentEvent"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "Escalation" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Escalation" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Escalation"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "Notification" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Notification" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Notification"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "OutboxMessage" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "OutboxMessage" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "OutboxMessage"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "Customer" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Customer" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Customer"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "Transaction" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Transaction" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Transaction"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "CustomerValue" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "CustomerValue" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "CustomerValue"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "ClvFit" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ClvFit" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ClvFit"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "Scorecard" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Scorecard" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Scorecard"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "ScorecardComment" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ScorecardComment" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ScorecardComment"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "PartnerSurveyResponse" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PartnerSurveyResponse" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PartnerSurveyResponse"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "ApiKey" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ApiKey" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ApiKey"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "WebhookEndpoint" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "WebhookEndpoint" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "WebhookEndpoint"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "AuditLog" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AuditLog" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "AuditLog"
  USING ("tenantId" = app_tenant_id())
  WITH CHECK ("tenantId" = app_tenant_id());

-- Partner users (app.partner_id set) see only their own partner's rows.
CREATE POLICY partner_isolation ON "Membership" AS RESTRICTIVE
  USING (app_partner_id() IS NULL OR "partnerId" = app_partner_id());
CREATE POLICY partner_isolation ON "Invitation" AS RESTRICTIVE
  USING (app_partner_id() IS NULL OR "partnerId" = app_partner_id());
CREATE POLICY partner_isolation ON "PartnerContact" AS RESTRICTIVE
  USING (app_partner_id() IS NULL OR "partnerId" = app_partner_id());
CREATE POLICY partner_isolation ON "AlignmentAnswer" AS RESTRICTIVE
  USING (app_partner_id() IS NULL OR "partnerId" = app_partner_id());
CREATE POLICY partner_isolation ON "TouchpointPartner" AS RESTRICTIVE
  USING (app_partner_id() IS NULL OR "partnerId" = app_partner_id());
CREATE POLICY partner_isolation ON "StandardAcknowledgement" AS RESTRICTIVE
  USING (app_partner_id() IS NULL OR "partnerId" = app_partner_id());
CREATE POLICY partner_isolation ON "Assessment" AS RESTRICTIVE
  USING (app_partner_id() IS NULL OR "partnerId" = app_partner_id());
CREATE POLICY partner_isolation ON "Interaction" AS RESTRICTIVE
  USING (app_partner_id() IS NULL OR "partnerId" = app_partner_id());
CREATE POLICY partner_isolation ON "Incident" AS RESTRICTIVE
  USING (app_partner_id() IS NULL OR "partnerId" = app_partner_id());
CREATE POLICY partner_isolation ON "Scorecard" AS RESTRICTIVE
  USING (app_partner_id() IS NULL OR ("partnerId" = app_partner_id() AND "status" = 'PUBLISHED'));
CREATE POLICY partner_isolation ON "PartnerSurveyResponse" AS RESTRICTIVE
  USING (app_partner_id() IS NULL OR "partnerId" = app_partner_id());
CREATE POLICY partner_isolation ON "ApiKey" AS RESTRICTIVE
  USING (app_partner_id() IS NULL OR "partnerId" = app_partner_id());
CREATE POLICY partner_isolation ON "Partner" AS RESTRICTIVE
  USING (app_partner_id() IS NULL OR "id" = app_partner_id());
CREATE POLICY partner_isolation ON "Transaction" AS RESTRICTIVE
  USING (app_partner_id() IS NULL OR "servingPartnerId" = app_partner_id());
CREATE POLICY partner_isolation ON "IncidentEvent" AS RESTRICTIVE
  USING (app_partner_id() IS NULL OR (NOT "internal" AND "incidentId" IN (SELECT "id" FROM "Incident")));
CREATE POLICY partner_isolation ON "Escalation" AS RESTRICTIVE
  USING (app_partner_id() IS NULL OR "incidentId" IN (SELECT "id" FROM "Incident"));
CREATE POLICY partner_isolation ON "ScorecardComment" AS RESTRICTIVE
  USING (app_partner_id() IS NULL OR "scorecardId" IN (SELECT "id" FROM "Scorecard"));
CREATE POLICY partner_isolation ON "Notification" AS RESTRICTIVE
  USING (app_partner_id() IS NULL OR "membershipId" IN (SELECT "id" FROM "Membership"));

-- Steward-only data: partner users may write audit and outbox rows through their actions, never read them.
CREATE POLICY steward_only ON "AuditLog" AS RESTRICTIVE FOR SELECT
  USING (app_partner_id() IS NULL);
CREATE POLICY steward_only ON "OutboxMessage" AS RESTRICTIVE FOR SELECT
  USING (app_partner_id() IS NULL);
CREATE POLICY steward_only ON "WebhookEndpoint" AS RESTRICTIVE FOR SELECT
  USING (app_partner_id() IS NULL);
CREATE POLICY steward_only ON "CustomerValue" AS RESTRICTIVE FOR SELECT
  USING (app_partner_id() IS NULL);
CREATE POLICY steward_only ON "ClvFit" AS RESTRICTIVE FOR SELECT
  USING (app_partner_id() IS NULL);
CREATE POLICY steward_only ON "AlignmentQuestion" AS RESTRICTIVE FOR SELECT
  USING (app_partner_id() IS NULL);

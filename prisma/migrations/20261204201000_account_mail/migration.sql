-- Account mail (issue 16): e-mail verification at sign-up and password reset. None of these tables is tenant data
-- (a user signs up before a workspace exists, and resets a password that serves every workspace), so like User,
-- UserSession, LoginAttempt and SignUpAttempt they have no row-level security; the app reaches them only through
-- lib/accounts and lib/tenants/sign-up.ts (docs/decisions/013-account-mails.md).

-- Existing users (the seed's, invited ones) are verified: the column's default fills them, and every way of creating
-- a user other than self sign-up keeps it; sign-up alone writes null until the link is opened.
-- AlterTable
ALTER TABLE "User" ADD COLUMN "emailVerifiedAt" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "AccountToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccountEmail" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordResetAttempt" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordResetAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AccountToken_tokenHash_key" ON "AccountToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AccountToken_userId_purpose_idx" ON "AccountToken"("userId", "purpose");

-- CreateIndex
CREATE UNIQUE INDEX "AccountEmail_eventKey_recipient_key" ON "AccountEmail"("eventKey", "recipient");

-- CreateIndex
CREATE INDEX "AccountEmail_status_nextAttemptAt_idx" ON "AccountEmail"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "PasswordResetAttempt_email_createdAt_idx" ON "PasswordResetAttempt"("email", "createdAt");

-- CreateIndex
CREATE INDEX "PasswordResetAttempt_ip_createdAt_idx" ON "PasswordResetAttempt"("ip", "createdAt");

-- AddForeignKey
ALTER TABLE "AccountToken" ADD CONSTRAINT "AccountToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

GRANT SELECT, INSERT, UPDATE, DELETE ON "AccountToken" TO steward_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "AccountEmail" TO steward_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "PasswordResetAttempt" TO steward_app;

-- Sign-up attempts per source, so sign-up is throttled like sign-in (issue 13, finding 7).
-- Not tenant data (an attempt precedes any tenant): no row-level security, like LoginAttempt.

-- CreateTable
CREATE TABLE "SignUpAttempt" (
    "id" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignUpAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SignUpAttempt_ip_createdAt_idx" ON "SignUpAttempt"("ip", "createdAt");

GRANT SELECT, INSERT, UPDATE, DELETE ON "SignUpAttempt" TO steward_app;

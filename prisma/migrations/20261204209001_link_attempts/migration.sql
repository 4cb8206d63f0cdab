-- Uses of an account link (verify an address, set a new password) per source, so guessing tokens is throttled like
-- sign-in and sign-up. Not tenant data (a link precedes knowing any tenant): no row-level security, like SignUpAttempt.

-- CreateTable
CREATE TABLE "LinkAttempt" (
    "id" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LinkAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LinkAttempt_ip_createdAt_idx" ON "LinkAttempt"("ip", "createdAt");

GRANT SELECT, INSERT, UPDATE, DELETE ON "LinkAttempt" TO steward_app;

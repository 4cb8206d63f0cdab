-- "Forgot password?" does the same work for any address: the request only records the attempt, and the mail job
-- looks the address up and mails the link (issue 16: no timing difference tells whether an account exists).
ALTER TABLE "PasswordResetAttempt" ADD COLUMN "linkPending" BOOLEAN NOT NULL DEFAULT false;

-- A customer who chose "Stop asking me" on a survey page gets no survey (mail or link) after it.
ALTER TABLE "Customer" ADD COLUMN "surveysStoppedAt" TIMESTAMP(3);

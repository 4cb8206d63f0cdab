import { LOGIN_WINDOW_MINUTES } from "@/lib/auth/login";
import { prisma } from "@/lib/db/client";
import { SURVEY_WINDOW_MINUTES } from "@/lib/feedback/throttle";
import { log } from "@/lib/log";
import { SIGN_UP_WINDOW_MINUTES } from "@/lib/tenants/sign-up-throttle";
import { LINK_WINDOW_MINUTES } from "./link-throttle";
import { RESET_WINDOW_MINUTES } from "./password-reset";

// Each throttle records one row per attempt and counts only those inside its window. A throttle deletes a source's
// old rows when that same source comes back, so rows from sources that never return (a password spray from many
// addresses, a scan of survey links) stayed forever: an attacker could grow these tables without bound. Part of
// the hourly `accounts.cleanup` job, with sessions past their expiry, which no sign-in accepts any more.

export type SpentRecords = {
  loginAttempts: number;
  signUpAttempts: number;
  linkAttempts: number;
  surveyAttempts: number;
  passwordResetAttempts: number;
  expiredSessions: number;
};

/**
 * Minutes kept past each window: the throttles run on the web servers, this on the job worker, and a worker whose
 * clock is ahead must not delete rows a throttle still counts.
 */
export const CLOCK_MARGIN_MINUTES = 5;

/** Deletes the attempt rows no throttle counts any more and the sessions past their expiry; returns how many. */
export async function discardSpentRecords(now = new Date()): Promise<SpentRecords> {
  const before = (window: number) => ({ lt: new Date(now.getTime() - (window + CLOCK_MARGIN_MINUTES) * 60_000) });
  const db = prisma();
  const [login, signUp, link, survey, reset, sessions] = await db.$transaction([
    db.loginAttempt.deleteMany({ where: { createdAt: before(LOGIN_WINDOW_MINUTES) } }),
    db.signUpAttempt.deleteMany({ where: { createdAt: before(SIGN_UP_WINDOW_MINUTES) } }),
    db.linkAttempt.deleteMany({ where: { createdAt: before(LINK_WINDOW_MINUTES) } }),
    db.surveyAttempt.deleteMany({ where: { createdAt: before(SURVEY_WINDOW_MINUTES) } }),
    // a request whose link is still to be mailed stays until the mail job has taken it
    db.passwordResetAttempt.deleteMany({ where: { createdAt: before(RESET_WINDOW_MINUTES), linkPending: false } }),
    db.userSession.deleteMany({ where: { expiresAt: { lt: now } } }),
  ]);
  const removed: SpentRecords = {
    loginAttempts: login.count,
    signUpAttempts: signUp.count,
    linkAttempts: link.count,
    surveyAttempts: survey.count,
    passwordResetAttempts: reset.count,
    expiredSessions: sessions.count,
  };
  if (Object.values(removed).some((count) => count > 0))
    log.info("spent throttle records and sessions removed", removed);
  return removed;
}

import { createElement } from "react";
import type { Prisma } from "@/generated/prisma/client";
import { appBaseUrl } from "@/lib/mail/links";
import { renderMail } from "@/lib/mail/render";
import { AccountEmail } from "@/lib/mail/templates/account-email";
import { queueAccountMail } from "./account-mail";
import { issueAccountToken, TOKEN_LIFETIME_MINUTES } from "./tokens";

// The three account messages, each queued in its cause's transaction with a fresh single-use token where it links
// to one. The event key is the token's id (or the attempt's), so a repeated cause writes a new message only when it
// issued a new token.

type Tx = Prisma.TransactionClient;
type Person = { id: string; email: string; name: string };

const hours = (minutes: number) => `${minutes / 60} hours`;

/** The sign-up verification link (24 hours). */
export async function queueVerificationMail(db: Tx, user: Person, workspaceName: string, now = new Date()) {
  const { token, id } = await issueAccountToken(db, user.id, "VERIFY_EMAIL", now);
  const href = `${appBaseUrl()}/verify-email/${token}`;
  return queueAccountMail(db, {
    kind: "verify_email",
    eventKey: `token:${id}`,
    recipient: user.email,
    now,
    mail: await renderMail(
      "Confirm your e-mail address for Steward",
      createElement(AccountEmail, {
        preview: `Confirm your e-mail address to open ${workspaceName} on Steward`,
        heading: "Confirm your e-mail address",
        paragraphs: [
          `Hello ${user.name}, you created the workspace ${workspaceName} on Steward with this address.`,
          `Confirm that the address is yours to start using it. The link works once, for ${hours(TOKEN_LIFETIME_MINUTES.VERIFY_EMAIL)}.`,
        ],
        action: { label: "Confirm my e-mail address", href },
        reason:
          "You get this because this address was used to sign up on Steward. If that was not you, ignore this e-mail: the workspace stays locked.",
      }),
    ),
  });
}

/** To an address that already has an account, when someone signs up with it again. */
export async function queueSignUpExistingMail(db: Tx, user: Person, attemptKey: string, now = new Date()) {
  const base = appBaseUrl();
  return queueAccountMail(db, {
    kind: "sign_up_existing",
    eventKey: `sign-up-existing:${attemptKey}`,
    recipient: user.email,
    now,
    mail: await renderMail(
      "Someone tried to sign up on Steward with your address",
      createElement(AccountEmail, {
        preview: "You already have a Steward account",
        heading: "You already have a Steward account",
        paragraphs: [
          `Hello ${user.name}, someone (perhaps you) tried to create a new Steward workspace with this address, which already has an account. No new account was created.`,
          "Sign in with your password, or set a new one if you forgot it.",
        ],
        action: { label: "Sign in", href: `${base}/login` },
        secondary: { label: "Forgot your password? Reset it here", href: `${base}/forgot-password` },
        reason:
          "You get this because this address was entered on Steward's sign-up page. If it was not you, you need do nothing.",
      }),
    ),
  });
}

/** The password-reset link (30 minutes). */
export async function queuePasswordResetMail(db: Tx, user: Person, now = new Date()) {
  const { token, id } = await issueAccountToken(db, user.id, "PASSWORD_RESET", now);
  const href = `${appBaseUrl()}/reset-password/${token}`;
  return queueAccountMail(db, {
    kind: "password_reset",
    eventKey: `token:${id}`,
    recipient: user.email,
    now,
    mail: await renderMail(
      "Reset your Steward password",
      createElement(AccountEmail, {
        preview: "A link to set a new Steward password",
        heading: "Set a new password",
        paragraphs: [
          `Hello ${user.name}, someone (hopefully you) asked to reset the password of your Steward account.`,
          `The link works once, for ${TOKEN_LIFETIME_MINUTES.PASSWORD_RESET} minutes. Setting a new password signs you out everywhere else.`,
        ],
        action: { label: "Set a new password", href },
        reason:
          "You get this because a password reset was requested for this address on Steward's sign-in page. If it was not you, ignore this e-mail: your password stays as it is.",
      }),
    ),
  });
}

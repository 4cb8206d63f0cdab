"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { publicAction } from "@/lib/actions/clients";
import { DomainError } from "@/lib/errors";
import { signIn, signOut, auth } from "@/lib/auth/next-auth";
import { endSession, loginSchema } from "@/lib/auth/login";
import { signUpSchema, signUpFrom } from "@/lib/tenants/sign-up";
import { clientAddress } from "@/lib/auth/client-address";
import { acceptInvitation, acceptInvitationSchema } from "@/lib/members/invitations";
import { currentUser } from "@/lib/auth/session";
import { nextPathSchema } from "@/lib/auth/safe-next";
import {
  forgotPasswordSchema,
  RESET_REQUESTED_MESSAGE,
  requestPasswordReset,
  resetPasswordFrom,
  resetPasswordSchema,
} from "@/lib/accounts/password-reset";
import { verifyEmailFrom, verifyEmailSchema } from "@/lib/accounts/verify-email";

export const loginAction = publicAction
  .metadata({ actionName: "auth.login", permission: "public" })
  .inputSchema(loginSchema.extend({ next: nextPathSchema }))
  .action(async ({ parsedInput }) => {
    try {
      await signIn("credentials", { email: parsedInput.email, password: parsedInput.password, redirect: false });
    } catch (error) {
      if (error instanceof CredentialsSignin) {
        const [code, minutes] = String(error.code).split(":");
        if (code === "unverified")
          throw new DomainError(
            "Confirm your e-mail address first: open the link we mailed you at sign-up. No mail? Use “Forgot password?” to get a new link.",
          );
        if (code === "rate_limited")
          throw new DomainError(
            `Too many failed sign-ins. Try again in ${minutes} minute${minutes === "1" ? "" : "s"}.`,
          );
        throw new DomainError("That e-mail and password do not match an account.");
      }
      if (error instanceof AuthError) throw new DomainError("Sign-in failed. Please try again.");
      throw error;
    }
    redirect(parsedInput.next ?? "/");
  });

export const signUpAction = publicAction
  .metadata({ actionName: "auth.signup", permission: "public" })
  .inputSchema(signUpSchema)
  .action(async ({ parsedInput }) => {
    // The same answer for a new address and a known one: the mail tells them apart, not the page.
    return signUpFrom(parsedInput, clientAddress(await headers()));
  });

export const verifyEmailAction = publicAction
  .metadata({ actionName: "auth.email_verified", permission: "public" })
  .inputSchema(verifyEmailSchema)
  .action(async ({ parsedInput }) => {
    await verifyEmailFrom(parsedInput.token, clientAddress(await headers()));
    redirect("/login?verified=1");
  });

export const forgotPasswordAction = publicAction
  .metadata({ actionName: "auth.password_reset_requested", permission: "public" })
  .inputSchema(forgotPasswordSchema)
  .action(async ({ parsedInput }) => {
    await requestPasswordReset(parsedInput.email, clientAddress(await headers()));
    return { message: RESET_REQUESTED_MESSAGE };
  });

export const resetPasswordAction = publicAction
  .metadata({ actionName: "auth.password_reset", permission: "public" })
  .inputSchema(resetPasswordSchema)
  .action(async ({ parsedInput }) => {
    await resetPasswordFrom(parsedInput, clientAddress(await headers()));
    redirect("/login?reset=1");
  });

export async function logoutAction() {
  const session = (await auth()) as { sid?: string } | null;
  if (session?.sid) await endSession(session.sid);
  await signOut({ redirectTo: "/login" });
}

export const acceptInvitationAction = publicAction
  .metadata({ actionName: "invitation.accepted", permission: "public" })
  .inputSchema(acceptInvitationSchema)
  .action(async ({ parsedInput }) => {
    const user = await currentUser();
    const { home, email } = await acceptInvitation(parsedInput, user);
    if (!user && parsedInput.password)
      await signIn("credentials", { email, password: parsedInput.password, redirect: false });
    redirect(home);
  });

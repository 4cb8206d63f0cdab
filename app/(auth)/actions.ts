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

export const loginAction = publicAction
  .metadata({ actionName: "auth.login", permission: "public" })
  .inputSchema(loginSchema.extend({ next: nextPathSchema }))
  .action(async ({ parsedInput }) => {
    try {
      await signIn("credentials", { email: parsedInput.email, password: parsedInput.password, redirect: false });
    } catch (error) {
      if (error instanceof CredentialsSignin) {
        const [code, minutes] = String(error.code).split(":");
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
    const tenant = await signUpFrom(parsedInput, clientAddress(await headers()));
    await signIn("credentials", { email: parsedInput.email, password: parsedInput.password, redirect: false });
    redirect(`/t/${tenant.slug}`);
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

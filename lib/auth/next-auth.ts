import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { attemptLogin, endSession, SESSION_HOURS } from "./login";
import { clientAddress } from "./client-address";
import { env } from "@/lib/env";

// next-auth keeps a signed JWT cookie naming the user and a UserSession row; every request
// checks that row (lib/auth/session.ts), so signing out and removed memberships apply at once.

class LoginRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  secret: env().AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const result = await attemptLogin(
          { email: String(credentials?.email ?? ""), password: String(credentials?.password ?? "") },
          clientAddress(request.headers),
        );
        if (!result.ok)
          throw new LoginRefused(
            result.reason === "rate_limited" ? `rate_limited:${result.retryAfterMinutes}` : result.reason,
          );
        return { id: result.userId, email: result.email, name: result.name, sessionId: result.sessionId };
      },
    }),
  ],
  events: {
    // Every way of signing out (the app's button and next-auth's own /api/auth/signout) ends the
    // session row, so a copy of the cookie replayed afterwards is refused (issue 13, finding 6).
    async signOut(message) {
      const sessionId = "token" in message ? message.token?.sid : undefined;
      if (typeof sessionId === "string") await endSession(sessionId);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sid = (user as { sessionId?: string }).sessionId;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid as string | undefined, sid: token.sid as string | undefined };
    },
  },
});

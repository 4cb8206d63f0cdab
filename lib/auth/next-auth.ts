import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { attemptLogin, SESSION_HOURS } from "./login";

// next-auth keeps a signed JWT cookie naming the user and a UserSession row; every request
// checks that row (lib/auth/session.ts), so signing out and removed memberships apply at once.

class LoginRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

function clientIp(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "local";
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
          clientIp(request.headers),
        );
        if (!result.ok)
          throw new LoginRefused(result.reason === "rate_limited" ? `rate_limited:${result.retryAfterMinutes}` : "invalid");
        return { id: result.userId, email: result.email, name: result.name, sessionId: result.sessionId };
      },
    }),
  ],
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

import "server-only";
import { cache } from "react";
import { auth } from "./next-auth";
import { userForSession } from "./login";

export type SessionUser = { id: string; email: string; name: string; sessionId: string };

/** The signed-in user of this request, checked against the session table; null when signed out. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await auth()) as { uid?: string; sid?: string } | null;
  if (!session?.uid || !session.sid) return null;
  const user = await userForSession(session.sid, session.uid);
  return user ? { ...user, sessionId: session.sid } : null;
});

import { env } from "@/lib/env";

/**
 * The app's public base URL for links in e-mail: APP_URL, else the local server (the demo). Mail is often written
 * outside any request (the escalation sweep), so the request's origin is not available.
 */
export function appBaseUrl(): string {
  const configured = env().APP_URL;
  if (configured) return configured.replace(/\/$/, "");
  return `http://localhost:${env().PORT}`;
}

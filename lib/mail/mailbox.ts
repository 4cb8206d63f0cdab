import type { ParsedMail } from "mailparser";
import { readCaughtMail } from "./catcher";

// The demo's development mailbox: the mail the local SMTP catcher kept, for one workspace (by the
// X-Steward-Workspace header lib/mail/deliver.ts adds), newest first, with the links of the text part.
// Account mail (lib/accounts/account-mail.ts) belongs to no workspace, so no mailbox page shows it: the demo
// prints it on its console instead (accountMailAnnouncement).

export type MailboxMessage = { id: string; date: string; to: string; subject: string; text: string; links: string[] };

export async function readWorkspaceMailbox(dir: string, tenantId: string, limit = 100): Promise<MailboxMessage[]> {
  const caught = await readCaughtMail(dir, 1000);
  return caught
    .filter((m) => m.parsed.headers.get("x-steward-workspace") === tenantId)
    .slice(0, limit)
    .map(({ id, parsed }) => {
      const text = parsed.text ?? "";
      return {
        id,
        date: `${(parsed.date ?? new Date()).toISOString().slice(0, 19).replace("T", " ")} UTC`,
        to: parsed.to
          ? [parsed.to]
              .flat()
              .map((a) => a.text)
              .join(", ")
          : "",
        subject: parsed.subject ?? "(no subject)",
        text,
        links: linksIn(text),
      };
    });
}

/**
 * The console line for a caught account mail (verification, password reset, "someone tried to sign up"), with its
 * recipient, subject and links, e.g. `Mail to fiona@example.com: "Confirm your e-mail address" → http://…`;
 * null for any other mail.
 */
export function accountMailAnnouncement(mail: ParsedMail): string | null {
  if (!mail.headers.has("x-steward-account-mail")) return null;
  const to = [mail.to ?? []]
    .flat()
    .map((a) => a.text)
    .join(", ");
  const links = linksIn(mail.text ?? "");
  return `Mail to ${to}: "${mail.subject ?? "(no subject)"}"${links.length ? ` → ${links.join(" ")}` : ""}`;
}

function linksIn(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s<>")\]]+/g) ?? [])];
}

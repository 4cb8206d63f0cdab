import { readCaughtMail } from "./catcher";

// The demo's development mailbox: the mail the local SMTP catcher kept, for one workspace (by the
// X-Steward-Workspace header lib/mail/deliver.ts adds), newest first, with the links of the text part.

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
        links: [...new Set(text.match(/https?:\/\/[^\s<>")\]]+/g) ?? [])],
      };
    });
}

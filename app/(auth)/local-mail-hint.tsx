/**
 * Under `npm run demo` no mail leaves the machine and account mail shows on no mailbox page: where the link went.
 * `dir` is the local SMTP server's folder (STEWARD_DEV_MAILBOX_DIR), null whenever a real SMTP server is configured.
 */
export function LocalMailHint({ dir }: { dir: string | null }) {
  if (!dir) return null;
  return (
    <p
      data-testid="local-mail-hint"
      className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200"
    >
      Local demo: no mail leaves this machine. The mail&apos;s link is printed in the terminal that runs{" "}
      <code>npm run demo</code>, and the mail is kept in <code className="break-all">{dir}</code>.
    </p>
  );
}

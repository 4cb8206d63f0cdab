import { z } from "zod";
import { confirmUnsubscribe, previewUnsubscribe, type UnsubscribeAnswer } from "@/lib/mail/unsubscribe-request";

// The one-click unsubscribe link in optional mail (List-Unsubscribe, RFC 8058). Authorised by its signed token
// alone (lib/mail/unsubscribe.ts): the reader of a mail is not signed in.

const tokenSchema = z.string().min(10).max(1000);

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(answer: UnsubscribeAnswer): Response {
  const form = answer.token
    ? `<form method="post"><input type="hidden" name="token" value="${escapeHtml(answer.token)}"><button type="submit">Unsubscribe</button></form>`
    : "";
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(answer.title)} · Steward</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#0f172a}
button{background:#1d4ed8;color:#fff;border:0;border-radius:6px;padding:.6rem 1rem;font-weight:600;cursor:pointer}</style></head>
<body><main><h1>${escapeHtml(answer.title)}</h1><p>${escapeHtml(answer.message)}</p>${form}</main></body></html>`;
  return new Response(html, {
    status: answer.status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}

const invalid = () => page({ status: 404, title: "Link not valid", message: "This unsubscribe link is not valid." });

export async function GET(request: Request) {
  const token = tokenSchema.safeParse(new URL(request.url).searchParams.get("token"));
  return token.success ? page(await previewUnsubscribe(token.data)) : invalid();
}

/** The button on the page (form field `token`) or a mail client's one-click POST (token in the URL). */
export async function POST(request: Request) {
  const form = await request.formData().catch(() => null);
  const token = tokenSchema.safeParse(new URL(request.url).searchParams.get("token") ?? form?.get("token"));
  return token.success ? page(await confirmUnsubscribe(token.data)) : invalid();
}

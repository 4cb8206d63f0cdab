// A page that needs no app around it: what a link from an e-mail opens for someone who is not signed in (a one-click
// unsubscribe, a customer's "stop asking me"). Its one form posts the token back to the same address.

export type PlainAnswer = { status: number; title: string; message: string; token?: string; button?: string };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function plainPage(answer: PlainAnswer): Response {
  const form = answer.token
    ? `<form method="post"><input type="hidden" name="token" value="${escapeHtml(answer.token)}"><button type="submit">${escapeHtml(answer.button ?? "Confirm")}</button></form>`
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

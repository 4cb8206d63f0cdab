/** What a mail client sends when its unsubscribe button is pressed (RFC 8058): a POST to the List-Unsubscribe link. */
export const oneClickUnsubscribeRequest = (link: string) =>
  new Request(link, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "List-Unsubscribe=One-Click",
  });

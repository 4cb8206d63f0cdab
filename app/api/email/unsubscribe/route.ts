import { z } from "zod";
import { confirmUnsubscribe, previewUnsubscribe, type UnsubscribeAnswer } from "@/lib/mail/unsubscribe-request";
import { plainPage } from "../../plain-page";

// The one-click unsubscribe link in optional mail (List-Unsubscribe, RFC 8058). Authorised by its signed token
// alone (lib/mail/unsubscribe.ts): the reader of a mail is not signed in.

const tokenSchema = z.string().min(10).max(1000);

const page = (answer: UnsubscribeAnswer) => plainPage({ ...answer, button: "Unsubscribe" });

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

import type { ReactElement } from "react";
import { render } from "@react-email/render";

export type RenderedMail = { subject: string; html: string; text: string };

/** An e-mail template rendered to its HTML part and the plain-text part derived from it. */
export async function renderMail(subject: string, element: ReactElement): Promise<RenderedMail> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject, html, text };
}

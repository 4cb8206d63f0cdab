import { z } from "zod";

// A link users click (a partner's website, an evidence link): http or https only, checked the same
// way on every write path (form, CSV import) and again before it is rendered as a link, because
// `javascript:` and `data:` URLs stored through the import ran in the viewer's browser (issue 13, finding 9).

const webUrlMessage = (label: string) => `${label} must start with http:// or https://`;
const MAX_WEB_URL = 500;

/** Whether the text is an absolute http(s) URL with a host, and nothing a browser would read otherwise. */
export function isWebUrl(value: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this refuses
  if (value.length > MAX_WEB_URL || !/^https?:\/\/[^\s/$.?#]/i.test(value) || /[\s\u0000-\u001f\u007f]/.test(value))
    return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** The href to render for a stored link, or null when it is not a web URL (kept as plain text then). */
export function safeHref(value: string | null | undefined): string | null {
  return value && isWebUrl(value) ? value : null;
}

/** An optional http(s) URL field: empty → null. */
export const optionalWebUrl = (label: string) =>
  z
    .string()
    .trim()
    .max(MAX_WEB_URL, { error: `${label} must be at most ${MAX_WEB_URL} characters` })
    .optional()
    .refine((v) => !v || isWebUrl(v), { error: webUrlMessage(label) })
    .transform((v) => v || null);

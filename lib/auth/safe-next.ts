import { z } from "zod";

// Where to send a user after signing in: only a path on this site. The value is resolved the way
// a browser would resolve it (`/x/..//host`, `/\host` and `/.//host` all leave the site), and only
// a result on the same origin is kept, as its normalised path (issue 13, finding 3).

const THIS_SITE = "https://steward.invalid";

/** The normalised same-site path for `next`, or undefined when it would leave the site. */
export function safeNextPath(next: unknown): string | undefined {
  if (typeof next !== "string" || next === "" || next.length > 2_000) return undefined;
  // Control characters and whitespace are stripped or kept oddly by URL parsers: refuse them.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this refuses
  if (/[\u0000-\u0020\u007f]/.test(next)) return undefined;
  let url: URL;
  try {
    url = new URL(next, THIS_SITE);
  } catch {
    return undefined;
  }
  if (url.origin !== THIS_SITE) return undefined;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path starting with `//` would be read by the browser as another host when redirected to.
  return path.startsWith("//") ? undefined : path;
}

/** The sign-in form's `next` field: optional, and anything unsafe becomes undefined (then "/"). */
export const nextPathSchema = z.unknown().transform(safeNextPath).optional();

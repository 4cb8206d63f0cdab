// PostgreSQL text cannot hold the NUL character (U+0000): a string carrying one fails deep in the
// database with an encoding error (a 500 / generic error). Boundaries reject it up front instead.

export const NUL_MESSAGE = "Remove the NUL character (U+0000); text may not contain it.";

/** The path of the first string (value or object key) containing U+0000, or null when there is none. */
export function findNul(value: unknown, path: (string | number)[] = [], depth = 0): (string | number)[] | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (depth > 64 || value === null || typeof value !== "object") return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], [...path, i], depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes("\u0000")) return [...path, key];
    const found = findNul(inner, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

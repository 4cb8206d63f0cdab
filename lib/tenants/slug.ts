import { z } from "zod";

const RESERVED = new Set([
  "api",
  "admin",
  "app",
  "login",
  "logout",
  "signup",
  "invite",
  "portal",
  "settings",
  "static",
  "www",
]);

export const tenantSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, { error: "The workspace address needs at least 3 characters" })
  .max(40, { error: "The workspace address can have at most 40 characters" })
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, {
    error: "Use lowercase letters, digits and dashes, starting and ending with a letter or digit",
  })
  .refine((slug) => !RESERVED.has(slug), { error: "That workspace address is reserved" });

/** A suggested address from a company name: "Northwind Home" → "northwind-home". */
export function slugify(name: string) {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
}

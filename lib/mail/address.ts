import { z } from "zod";

/** An e-mail address as typed into a form: trimmed, lower-cased, refused with an example when it is not one. */
export const emailAddressSchema = z
  .string({ error: "Enter an e-mail address" })
  .trim()
  .toLowerCase()
  .min(1, { error: "Enter an e-mail address" })
  .max(254, { error: "An e-mail address has at most 254 characters" })
  .pipe(z.email({ error: "Enter a valid e-mail address, e.g. name@example.com" }));

export const isEmailAddress = (value: string) => emailAddressSchema.safeParse(value).success;

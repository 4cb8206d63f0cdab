import { dictionary } from "@zxcvbn-ts/language-common";

// Passwords that attackers try first: the ~49,000 most common ones from public breach corpora,
// shipped offline with @zxcvbn-ts/language-common (issue 13, finding 10). Length alone lets
// "password1234" or "qwertyuiop" through.

const COMMON_PASSWORDS = new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));

export const COMMON_PASSWORD_MESSAGE =
  "This password is on a list of common or breached passwords that attackers try first. Choose another.";

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}

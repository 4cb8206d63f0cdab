/**
 * A broken business rule, in words the user may read: the domain code in lib/ throws it (a partner that
 * was not found, a month that has not started, a duplicate name), and each entry point turns it into its
 * own answer (a server action's error message, an API problem with the kind's status).
 */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly kind: "invalid" | "not-found" | "forbidden" | "conflict" = "invalid",
    /** The input field the rule is about: the API answers 422 with it in `errors`, the action a field error. */
    readonly field?: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

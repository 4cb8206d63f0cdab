/** An error whose message is safe to show the user (a rule was broken, something was not found). */
export class ActionError extends Error {
  constructor(message: string, readonly kind: "invalid" | "not-found" | "forbidden" | "conflict" = "invalid") {
    super(message);
    this.name = "ActionError";
  }
}

export const notFoundError = (what = "That item") => new ActionError(`${what} was not found.`, "not-found");

export const GENERIC_ERROR = "Something went wrong on our side. Please try again; if it keeps happening, contact support.";

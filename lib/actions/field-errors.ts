import { returnValidationErrors } from "next-safe-action";
import { DomainError } from "@/lib/errors";

type Schema = Parameters<typeof returnValidationErrors>[0];

/**
 * Runs the action's work; a DomainError about one input field (`error.field`) becomes that field's error, as a
 * failed zod check would be, so the form shows it beside the field. Other errors pass through.
 */
export async function withFieldErrors<T>(schema: Schema, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError && error.field)
      returnValidationErrors(schema, { [error.field]: { _errors: [error.message] } } as never);
    throw error;
  }
}

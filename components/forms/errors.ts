/** The message of one field from a next-safe-action result with flattened validation errors. */
export function fieldError(
  result: { validationErrors?: { fieldErrors?: Record<string, string[] | undefined> } },
  field: string,
): string | undefined {
  return result.validationErrors?.fieldErrors?.[field]?.[0];
}

/** The form-level message: a server error, or a validation error not tied to one field. */
export function formError(result: { serverError?: string; validationErrors?: { formErrors?: string[] } }) {
  return result.serverError ?? result.validationErrors?.formErrors?.[0];
}

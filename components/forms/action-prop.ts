import type { SafeActionFn } from "next-safe-action";
import type { z } from "zod";

/** The validation errors of the action clients (lib/actions/clients.ts use the "flattened" shape). */
type FlattenedErrors = { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> };

/**
 * A server action that a route passes to a client component as a prop, so that components never import
 * app/ (the layer rule in .dependency-cruiser.cjs). Input is what the component sends: every action whose
 * schema accepts it fits, so one form serves the steward's action and the partner's.
 */
export type ActionProp<Input, Data = unknown> = SafeActionFn<
  string,
  z.ZodType<unknown, Input>,
  [],
  FlattenedErrors,
  Data
>;

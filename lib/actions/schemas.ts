import { z } from "zod";

/** The workspace an action runs in, as every form and client call sends it (resolved and authorised by the client). */
export const tenantSlug = z
  .string({ error: "This action needs a workspace." })
  .min(1, { error: "This action needs a workspace." })
  .max(64, { error: "That workspace address is too long." });

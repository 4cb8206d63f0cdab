"use server";

import { z } from "zod";
import { stewardAction } from "@/lib/actions/clients";
import { tenantSlug } from "@/lib/actions/schemas";
import { IMPORT_KINDS } from "@/lib/import/kinds";
import { importRows, MAX_IMPORT_BATCH } from "@/lib/import/import-rows";

/** One batch of a bulk import: the valid rows are written, the others come back as row errors. */
export const importBatchAction = stewardAction
  .metadata({ actionName: "import.batch", permission: "partners:write" })
  .inputSchema(
    z.object({
      tenantSlug,
      kind: z.enum(IMPORT_KINDS),
      marginPercent: z.number().min(0, "The margin is at least 0%.").max(100, "The margin is at most 100%.").optional(),
      rows: z
        .array(
          z.object({
            row: z.number().int().min(1),
            values: z.record(z.string().max(40), z.string().max(1000)),
            key: z.string().max(8000).optional(),
          }),
        )
        .min(1)
        .max(MAX_IMPORT_BATCH),
    }),
  )
  .action(async ({ parsedInput, ctx }) => {
    const { kind, rows, marginPercent } = parsedInput;
    const result = await importRows(ctx.db, ctx.access.tenant.id, kind, rows, { marginPercent });
    ctx.audit({
      action: "import.batch",
      entityType: "Import",
      entityId: null,
      data: {
        kind,
        firstRow: rows[0].row,
        lastRow: rows[rows.length - 1].row,
        created: result.created,
        existing: result.existing,
        errors: result.errors.length,
      },
    });
    return result;
  });

import { z } from "zod";

/** Every error the REST API returns has this shape, whatever the status. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string().meta({ description: "Stable, machine-readable: branch on this, not on message" }),
    message: z.string().meta({ description: "For people: safe to show, never a stack trace" }),
    fields: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .meta({ description: "Per-field problems (422), keyed by the field's name" }),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

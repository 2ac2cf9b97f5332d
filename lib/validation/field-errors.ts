import type { z } from "zod";

export interface FieldErrors {
  /** Problems with the input as a whole (e.g. "change at least one field"). */
  formErrors: string[];
  /** Problems per field, keyed by the field's path (`name`, `tasks.0.title`). */
  fields: Record<string, string[]>;
}

/** A zod error as messages per field: the shape forms show next to inputs and the API returns as `fields`. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const result: FieldErrors = { formErrors: [], fields: {} };
  for (const issue of error.issues) {
    if (issue.path.length === 0) {
      result.formErrors.push(issue.message);
      continue;
    }
    const key = issue.path.join(".");
    result.fields[key] = [...(result.fields[key] ?? []), issue.message];
  }
  return result;
}

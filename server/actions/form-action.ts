import "server-only";
import { unstable_rethrow } from "next/navigation";
import { ZodError } from "zod";
import type { FormState } from "@/lib/form-state";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { requireOrgContext } from "../auth/context";
import { AuthError } from "../auth/errors";
import { ConflictError, InvalidReferenceError, NotFoundError } from "../data/errors";

/**
 * Runs a server action's work and turns what can go wrong into a `FormState` the form shows:
 * per-field messages for invalid input (422) and conflicts (409), and a message for not found (404,
 * another organization's id included), signed out (401) and not allowed (403). The session is
 * checked before the input, like the REST API does. Next's own control flow (`redirect()`,
 * `notFound()`) passes through.
 */
export async function runFormAction(
  work: () => Promise<FormState | undefined>,
  submitted?: FormData,
): Promise<FormState> {
  try {
    await requireOrgContext();
    return (await work()) ?? { status: "success" };
  } catch (error) {
    unstable_rethrow(error);
    const state = toFormState(error);
    if (state.status === "error" && submitted) state.values = submittedText(submitted);
    return state;
  }
}

function submittedText(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData) {
    // Next adds its own `$ACTION_…` fields to action forms; they are not the person's input.
    if (typeof value === "string" && !name.startsWith("$")) values[name] = value;
  }
  return values;
}

function toFormState(error: unknown): FormState {
  if (error instanceof ZodError) {
    const { formErrors, fields } = fieldErrorsOf(error);
    return { status: "error", code: 422, message: formErrors[0] ?? "Please fix the fields below", fields };
  }
  if (error instanceof InvalidReferenceError) {
    return {
      status: "error",
      code: 422,
      message: "Please fix the fields below",
      fields: { [error.field]: [error.message] },
    };
  }
  if (error instanceof ConflictError) {
    return {
      status: "error",
      code: 409,
      message: error.message,
      fields: error.field ? { [error.field]: [error.message] } : {},
    };
  }
  if (error instanceof NotFoundError) {
    return {
      status: "error",
      code: 404,
      message: `${error.what} not found: it may have been deleted`,
      fields: {},
    };
  }
  if (error instanceof AuthError)
    return { status: "error", code: error.status, message: error.message, fields: {} };
  console.error("Unexpected error in a server action:", error);
  return {
    status: "error",
    code: 500,
    message: "Something went wrong on our side; please try again",
    fields: {},
  };
}

/** The named text fields of a submitted form; fields that were not sent stay absent. */
export function textFields<K extends string>(
  formData: FormData,
  names: readonly K[],
): Partial<Record<K, string>> {
  const fields: Partial<Record<K, string>> = {};
  for (const name of names) {
    const value = formData.get(name);
    if (typeof value === "string") fields[name] = value;
  }
  return fields;
}

import type { Failure } from "./failure";

/**
 * What a form's server action answers, for `useActionState`: nothing yet, success, or an error with
 * the same vocabulary as the REST API — an HTTP-like status, a message and per-field messages.
 */
export type FormState =
  | { status: "idle" }
  | { status: "success"; message?: string }
  | {
      status: "error";
      code: number;
      message: string;
      fields: Record<string, string[]>;
      /** For 429 and 503: when to try again (the message says it too). */
      retryAfterSeconds?: number;
      /** What was submitted: React resets a form after its action, so the form shows these again. */
      values?: Record<string, string>;
    };

export const INITIAL_FORM_STATE: FormState = { status: "idle" };

/** A failure (`lib/failure.ts`) as the form shows it, with what was submitted so the form can show it again. */
export function failureFormState(failure: Failure, values?: Record<string, string>): FormState {
  return {
    status: "error",
    code: failure.status,
    message: failure.message,
    fields: failure.fields ?? {},
    ...(failure.retryAfterSeconds !== undefined ? { retryAfterSeconds: failure.retryAfterSeconds } : {}),
    ...(values ? { values } : {}),
  };
}

export function fieldError(state: FormState, field: string): string | undefined {
  return state.status === "error" ? state.fields[field]?.[0] : undefined;
}

/** The submitted value of a field after a failed action, else the field's initial value. */
export function submittedValue(
  state: FormState,
  field: string,
  initial: string | undefined,
): string | undefined {
  return state.status === "error" && state.values && field in state.values ? state.values[field] : initial;
}

import "server-only";
import { ZodError } from "zod";
import type { ApiErrorBody } from "@/lib/validation/api-error";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { AuthError } from "../auth/errors";
import { ConflictError, InvalidReferenceError, NotFoundError } from "../data/errors";

/** A refusal the API layer itself decides (bad JSON, too large, wrong content type, bad query). */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
  }
}

const AUTH_CODES = {
  "signed-out": "unauthenticated",
  "no-organization": "no_active_organization",
  forbidden: "forbidden",
  "clerk-not-configured": "auth_not_configured",
} as const;

/**
 * Turns any error into the API's one error shape `{ error: { code, message, fields? } }` and its
 * status. The client's mistakes get a 4xx that says what to fix; anything else is a 500 whose
 * details go to the server log, never to the client.
 */
export function errorResponse(error: unknown): Response {
  if (error instanceof ApiError) return errorJson(error.status, error.code, error.message, error.fields);
  if (error instanceof AuthError) {
    const response = errorJson(error.status, AUTH_CODES[error.reason], error.message);
    if (error.status === 401) response.headers.set("WWW-Authenticate", 'Bearer realm="api"');
    return response;
  }
  if (error instanceof NotFoundError) return errorJson(404, "not_found", error.message);
  if (error instanceof ConflictError) {
    return errorJson(
      409,
      "conflict",
      error.message,
      error.field ? { [error.field]: [error.message] } : undefined,
    );
  }
  if (error instanceof InvalidReferenceError) {
    return errorJson(422, "validation_failed", "The request body is invalid", {
      [error.field]: [error.message],
    });
  }
  if (error instanceof ZodError) return validationFailed(error, 422, "validation_failed");
  console.error("Unexpected error in an API request:", error);
  return errorJson(500, "internal_error", "Something went wrong on our side; please try again");
}

export function validationFailed(error: ZodError, status: 400 | 422, code: string): Response {
  const { formErrors, fields } = fieldErrorsOf(error);
  const message =
    formErrors[0] ?? (status === 400 ? "The query parameters are invalid" : "The request body is invalid");
  return errorJson(status, code, message, Object.keys(fields).length ? fields : undefined);
}

function errorJson(
  status: number,
  code: string,
  message: string,
  fields?: Record<string, string[]>,
): Response {
  const body: ApiErrorBody = { error: { code, message, ...(fields ? { fields } : {}) } };
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

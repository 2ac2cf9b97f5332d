import type { components } from "./schema";

type ApiErrorBody = components["schemas"]["Error"];

/** The API answered with an error: `status`, plus the API's `code`, `message` and per-field `fields`. */
export class ApiRequestError extends Error {
  override name = "ApiRequestError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

/** Reads the API's `{ error: { code, message, fields? } }`; anything else (a proxy's HTML page) gets `http_error`. */
export function toApiRequestError(status: number, payload: unknown): ApiRequestError {
  const error = (payload as Partial<ApiErrorBody> | null | undefined)?.error;
  if (error && typeof error.code === "string" && typeof error.message === "string") {
    return new ApiRequestError(status, error.code, error.message, error.fields);
  }
  return new ApiRequestError(status, "http_error", `The API answered ${status}`);
}

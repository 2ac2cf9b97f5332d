import type { ApiErrorBody } from "./validation/api-error";

/**
 * The app's one vocabulary of failures. Every refusal — from the middleware, a route handler, a
 * server action, a page or the data access layer — is a `Failure` with one of these codes; the
 * status follows from the code, here and nowhere else. Three renderers read it: `failureResponse`
 * below (JSON, for the REST API and the middleware), `failureFormState` in `lib/form-state.ts`
 * (server actions) and `renderFailurePage` in `server/failures/page.ts` (pages).
 *
 * This file stays free of server-only code: the middleware runs in the Edge runtime and imports it.
 */
const STATUS_OF = {
  invalid_json: 400,
  invalid_query: 400,
  invalid_idempotency_key: 400,
  request_aborted: 400,
  unauthenticated: 401,
  payment_required: 402,
  no_active_organization: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  idempotency_in_progress: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  idempotency_key_reused: 422,
  rate_limited: 429,
  internal_error: 500,
  auth_not_configured: 503,
  unavailable: 503,
} as const;

export type FailureCode = keyof typeof STATUS_OF;

export interface FailureDetails {
  /** Per-field messages, keyed by the field's name: shown next to inputs, `error.fields` in the API. */
  fields?: Record<string, string[]>;
  /** When to try again (429, 503): the API's `Retry-After` header, the form's and page's text. */
  retryAfterSeconds?: number;
}

export class Failure extends Error {
  override name = "Failure";
  readonly status: (typeof STATUS_OF)[FailureCode];
  readonly fields?: Record<string, string[]>;
  readonly retryAfterSeconds?: number;

  constructor(
    readonly code: FailureCode,
    message: string,
    details: FailureDetails = {},
  ) {
    super(message);
    this.status = STATUS_OF[code];
    this.fields = details.fields;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

/** The message of a 422: the per-field messages say what to fix. */
export const INVALID_FIELDS_MESSAGE = "Some fields are invalid";

const inSeconds = (seconds: number) => `${seconds} ${seconds === 1 ? "second" : "seconds"}`;

/**
 * The caller sent too many requests: 429 with `Retry-After`. A rate limiter throws it from inside a
 * route handler, a server action or the data access layer; each entry point renders it, e.g.
 *
 *     if (!allowed) throw new RateLimitedError(30); // "Too many requests: try again in 30 seconds"
 */
export class RateLimitedError extends Failure {
  override name = "RateLimitedError";
  constructor(retryAfterSeconds: number, message = "Too many requests") {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    super("rate_limited", `${message}: try again in ${inSeconds(seconds)}`, { retryAfterSeconds: seconds });
  }
}

/** A dependency (the database) cannot answer right now: 503 with `Retry-After`; nothing was written. */
export class UnavailableError extends Failure {
  override name = "UnavailableError";
  constructor(what = "The service", retryAfterSeconds = 5) {
    super("unavailable", `${what} is unavailable right now: try again in ${inSeconds(retryAfterSeconds)}`, {
      retryAfterSeconds,
    });
  }
}

/**
 * The organization's plan does not include what was asked (a feature, or more than the plan's limit):
 * 402. The message says what upgrading unlocks; admins upgrade on the billing page.
 */
export class PaymentRequiredError extends Failure {
  override name = "PaymentRequiredError";
  constructor(message: string) {
    super("payment_required", message);
  }
}

/** The API's error shape `{ error: { code, message, fields? } }` (`lib/validation/api-error.ts`). */
export function failureBody(failure: Failure): ApiErrorBody {
  const { code, message, fields } = failure;
  return { error: { code, message, ...(fields && Object.keys(fields).length ? { fields } : {}) } };
}

/** A failure as the REST API and the middleware answer it: JSON, never cached, with its headers. */
export function failureResponse(failure: Failure): Response {
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (failure.status === 401) headers.set("WWW-Authenticate", 'Bearer realm="api"');
  if (failure.retryAfterSeconds !== undefined) headers.set("Retry-After", String(failure.retryAfterSeconds));
  return Response.json(failureBody(failure), { status: failure.status, headers });
}

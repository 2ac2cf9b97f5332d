/** The API's one error shape, `{ error: { code, message, fields? } }`, as the Next.js app answers it. */

export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 500 | 503,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string[]>,
    /** Sent as `Retry-After` (a 503: try again then). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const signedOut = () =>
  new ApiError(
    401,
    "unauthenticated",
    "Sign in to continue: send a Clerk session token or an organization API key as `Authorization: Bearer <token>`.",
  );
export const noOrganization = () =>
  new ApiError(403, "no_active_organization", "Choose an organization to continue");
export const forbidden = (permission: string, whose = "Your role does") =>
  new ApiError(403, "forbidden", `${whose} not allow ${permission}`);
// Clerk could not say whether an API key is valid: the key may be fine, so the outage is ours.
export const clerkUnavailable = () =>
  new ApiError(
    503,
    "unavailable",
    "API key verification is unavailable right now: try again in 5 seconds",
    undefined,
    5,
  );
export const notFound = (what: string) =>
  new ApiError(404, "not_found", `${what} not found: it may have been deleted`);

// SQLSTATEs and socket errors of a database that cannot answer now (down, restarting, failing over),
// as the app classifies them (server/data/prisma-errors.ts).
const UNAVAILABLE_SQLSTATE = /^(08...|53300|57P01|57P02|57P03)$/;
const UNAVAILABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND"]);

export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string") return UNAVAILABLE_SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code);
  return error instanceof Error && /timeout exceeded when trying to connect/i.test(error.message);
}

function refusalOf(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (isDatabaseUnavailable(error)) {
    // An outage is not a bug: one line in the log, not a stack trace per request.
    console.error(
      `Database unavailable (${error instanceof Error ? error.message : String(error)}); answered 503`,
    );
    const message = "The database is unavailable right now: try again in 5 seconds";
    return new ApiError(503, "unavailable", message, undefined, 5);
  }
  console.error("Unexpected error in an API request:", error);
  return new ApiError(500, "internal_error", "Something went wrong on our side; please try again");
}

export function errorResponse(error: unknown): Response {
  const refusal = refusalOf(error);
  const { code, message, fields } = refusal;
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (refusal.status === 401) headers["WWW-Authenticate"] = 'Bearer realm="api"';
  if (refusal.retryAfterSeconds !== undefined) headers["Retry-After"] = String(refusal.retryAfterSeconds);
  return Response.json(
    { error: { code, message, ...(fields ? { fields } : {}) } },
    { status: refusal.status, headers },
  );
}

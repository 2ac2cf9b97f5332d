/** The API's one error shape, `{ error: { code, message, fields? } }`, as the Next.js app answers it. */

export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 500,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
  }
}

export const signedOut = () =>
  new ApiError(
    401,
    "unauthenticated",
    "Sign in to continue: send a Clerk session token as `Authorization: Bearer <token>`.",
  );
export const noOrganization = () =>
  new ApiError(403, "no_active_organization", "Choose an organization to continue");
export const forbidden = (permission: string) =>
  new ApiError(403, "forbidden", `Your role does not allow ${permission}`);
export const notFound = (what: string) => new ApiError(404, "not_found", `${what} not found`);

export function errorResponse(error: unknown): Response {
  const refusal =
    error instanceof ApiError
      ? error
      : new ApiError(500, "internal_error", "Something went wrong on our side; please try again");
  if (refusal.status === 500) console.error("Unexpected error in an API request:", error);
  const { code, message, fields } = refusal;
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (refusal.status === 401) headers["WWW-Authenticate"] = 'Bearer realm="api"';
  return Response.json(
    { error: { code, message, ...(fields ? { fields } : {}) } },
    { status: refusal.status, headers },
  );
}

import "server-only";

/**
 * Why a request may not proceed. Server actions and route handlers turn these into 401/403/404;
 * pages turn them into redirects or a not-found page (see `server/auth/context.ts`).
 */
export type AuthFailure =
  | "signed-out" // no valid session: 401
  | "no-organization" // signed in, but no active organization: 403
  | "forbidden" // the role does not grant the permission: 403
  | "clerk-not-configured"; // the app runs without Clerk keys: 503, with what to set

export class AuthError extends Error {
  override name = "AuthError";
  constructor(
    readonly reason: AuthFailure,
    message: string,
  ) {
    super(message);
  }

  get status(): 401 | 403 | 503 {
    if (this.reason === "signed-out") return 401;
    if (this.reason === "clerk-not-configured") return 503;
    return 403;
  }
}

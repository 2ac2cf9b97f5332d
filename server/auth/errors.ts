import "server-only";
import { Failure, type FailureCode } from "@/lib/failure";

/** Why a caller may not proceed, in the app's words; the code (and so the status) follows from it. */
export type AuthFailure =
  | "signed-out" // no valid session: 401
  | "no-organization" // signed in, but no active organization: 403
  | "forbidden" // the role does not grant the permission: 403
  | "clerk-not-configured"; // the app runs without Clerk keys: 503, with what to set

const CODE_OF: Record<AuthFailure, FailureCode> = {
  "signed-out": "unauthenticated",
  "no-organization": "no_active_organization",
  forbidden: "forbidden",
  "clerk-not-configured": "auth_not_configured",
};

/** A refused caller: rendered like every other failure (`lib/failure.ts`), and pages redirect on `reason`. */
export class AuthError extends Failure {
  override name = "AuthError";
  constructor(
    readonly reason: AuthFailure,
    message: string,
  ) {
    super(CODE_OF[reason], message);
  }
}

import "server-only";
import { requireOrgContext } from "./context";
import { AuthError, type AuthFailure } from "./errors";
import type { Permission } from "./permissions";
import type { OrgContext } from "./session";

/** The JSON body of every refused request: a readable message and a stable machine-readable reason. */
export interface AuthErrorBody {
  error: string;
  reason: AuthFailure;
}

export function authErrorResponse(error: AuthError): Response {
  const body: AuthErrorBody = { error: error.message, reason: error.reason };
  return Response.json(body, { status: error.status, headers: { "Cache-Control": "no-store" } });
}

/**
 * For route handlers: runs `handler` for the caller's organization, or answers 401/403/503 JSON.
 * Anything that is not an `AuthError` is rethrown, so a bug still surfaces as a logged 500.
 *
 *     export const GET = (request: Request) =>
 *       withOrgContext("projects:read", async () => Response.json(await listProjects()));
 */
export async function withOrgContext(
  permission: Permission | undefined,
  handler: (context: OrgContext) => Promise<Response> | Response,
): Promise<Response> {
  try {
    return await handler(await requireOrgContext(permission));
  } catch (error) {
    // The data access layer checks the context again and may refuse too: same answer.
    if (error instanceof AuthError) return authErrorResponse(error);
    throw error;
  }
}

/** What a server action returns when the caller may not run it; forms show `error` as is. */
export interface AuthFailureResult {
  ok: false;
  status: AuthError["status"];
  reason: AuthFailure;
  error: string;
}

/**
 * For server actions: turns an `AuthError` thrown anywhere inside `run` (the DAL checks the context
 * itself) into a result the form can show, instead of an error page. Other errors are rethrown.
 */
export async function catchAuthFailure<T>(run: () => Promise<T>): Promise<T | AuthFailureResult> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    return { ok: false, status: error.status, reason: error.reason, error: error.message };
  }
}

import "server-only";
import { failureResponse } from "@/lib/failure";
import { classifyFailure } from "../failures/classify";

/**
 * The entry point of the CLI's sign-in endpoints (`app/api/cli/*`). Not `apiRoute`: these run
 * before the CLI has a session token or an organization context — the token exchange authenticates
 * with the one-time code and PKCE verifier, the session endpoints with the CLI's API key, each
 * checked inside the handler. Failures answer in the API's one error shape, as `apiRoute`'s do.
 */
export function cliRoute(
  handler: (request: Request) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      return await handler(request);
    } catch (error) {
      return failureResponse(classifyFailure(error, `${request.method} ${new URL(request.url).pathname}`));
    }
  };
}

import "server-only";
import { failureResponse, RateLimitedError } from "@/lib/failure";
import { limitClientIp } from "./limits";

/**
 * The entry point of public route handlers (no session: `/api/health`, `/api/v1/openapi.json`): a
 * per-IP limit, answered 429 with `Retry-After` in the API's error shape. Static pages are not limited
 * here: they never reach this code when a CDN or load balancer serves them, which is where floods of
 * them belong (README, Security).
 */
export function publicRoute(
  handler: (request: Request) => Response | Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      await limitClientIp("public", request);
    } catch (error) {
      if (error instanceof RateLimitedError) return failureResponse(error);
      throw error;
    }
    return handler(request);
  };
}

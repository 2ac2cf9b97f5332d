import "server-only";
import { failureResponse } from "@/lib/failure";
import { requireOrgContext } from "../auth/context";
import { runAsCaller, verifyBearerRequest } from "../auth/request-auth";
import { classifyFailure } from "../failures/classify";
import { limitCaller } from "../rate-limit/limits";
import { idempotent } from "./idempotency";

type RouteContext<Params> = { params: Promise<Params> };

/**
 * The one entry point of REST API route handlers: verifies the Bearer session token with Clerk,
 * refuses a caller without a session (401) or an active organization (403) before reading anything
 * else, runs the handler as that caller (the data access layer reads it from there), and answers
 * every failure in the API's error shape (`lib/failure.ts`): 4xx for the client's mistakes, 503 with
 * `Retry-After` while the database is unreachable, 500 for a bug. A POST that carries an
 * `Idempotency-Key` is answered once per key and replayed after that (`./idempotency.ts`).
 *
 *     export const GET = apiRoute<{ projectId: string }>(async (_request, { projectId }) =>
 *       json(await getProject(projectId)),
 *     );
 */
export function apiRoute<Params = Record<string, never>>(
  handler: (request: Request, params: Params) => Promise<Response>,
): (request: Request, context: RouteContext<Params>) => Promise<Response> {
  return async (request, context) => {
    try {
      const caller = await verifyBearerRequest(request);
      return await runAsCaller(caller, async () => {
        await limitCaller("api", await requireOrgContext());
        const params = await context.params;
        // Every POST with an `Idempotency-Key` runs at most once per key (./idempotency.ts).
        return idempotent(request, () => handler(request, params));
      });
    } catch (error) {
      return failureResponse(classifyFailure(error, `${request.method} ${new URL(request.url).pathname}`));
    }
  };
}

const NO_STORE = { "Cache-Control": "private, no-store" };

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

export function noContent(): Response {
  return new Response(null, { status: 204, headers: NO_STORE });
}

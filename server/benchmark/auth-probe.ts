import "server-only";
import { env } from "../env";
import { checkHealth } from "../health";

/**
 * The route pair behind the auth-overhead benchmark (`npm run bench`): `/api/benchmark/public` and
 * `/api/benchmark/protected` do the same work, so the difference between them is what a request
 * pays for Clerk's verification in the middleware plus `auth()` in the handler. Both answer 404
 * unless the server runs with BENCHMARK_ROUTES=1, which only the benchmark sets.
 */
export function benchmarkRoute(handler: () => Promise<Response>): () => Promise<Response> {
  return async () => {
    if (!env.benchmarkRoutes) {
      return Response.json({ error: "Not found" }, { status: 404, headers: { "Cache-Control": "no-store" } });
    }
    return handler();
  };
}

/** The shared work: one database round-trip, the least any real API request does. */
export async function probeResponse(): Promise<Response> {
  const report = await checkHealth();
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}

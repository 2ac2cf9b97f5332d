/**
 * Calls the REST API's real route handlers in-process, with a real `Request`, as Next.js would after
 * routing: the handler verifies the Bearer token itself, so nothing here stands in for Clerk.
 */
import * as projectRoute from "@/app/api/v1/projects/[projectId]/route";
import * as taskRoute from "@/app/api/v1/projects/[projectId]/tasks/[taskId]/route";
import * as tasksRoute from "@/app/api/v1/projects/[projectId]/tasks/route";
import * as projectsRoute from "@/app/api/v1/projects/route";
import { TEST_APP_ORIGIN } from "./clerk-auth";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const ROUTES: Array<{ pattern: RegExp; names: string[]; module: Record<string, unknown> }> = [
  { pattern: /^\/api\/v1\/projects$/, names: [], module: projectsRoute },
  { pattern: /^\/api\/v1\/projects\/([^/]+)$/, names: ["projectId"], module: projectRoute },
  { pattern: /^\/api\/v1\/projects\/([^/]+)\/tasks$/, names: ["projectId"], module: tasksRoute },
  {
    pattern: /^\/api\/v1\/projects\/([^/]+)\/tasks\/([^/]+)$/,
    names: ["projectId", "taskId"],
    module: taskRoute,
  },
];

/** A `fetch` that answers `/api/v1/...` URLs from the route modules (405 for a method a route lacks). */
export async function fetchApi(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  // A Request (what openapi-fetch sends) carries its own method, headers and body.
  const request =
    input instanceof Request
      ? new Request(input, init)
      : new Request(new URL(String(input), TEST_APP_ORIGIN), init);
  const { pathname } = new URL(request.url);
  for (const route of ROUTES) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    const handler = route.module[request.method] as Handler | undefined;
    if (!handler) return new Response(null, { status: 405 });
    const params = Object.fromEntries(
      route.names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? "")]),
    );
    return handler(request, { params: Promise.resolve(params) });
  }
  return new Response(null, { status: 404 });
}

export function apiCall(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown } = {},
): Promise<Response> {
  const hasBody = options.body !== undefined;
  return fetchApi(`${TEST_APP_ORIGIN}/api/v1${path}`, {
    method,
    headers: { ...(hasBody ? { "content-type": "application/json" } : {}), ...options.headers },
    body: hasBody ? JSON.stringify(options.body) : undefined,
  });
}

/**
 * The typed client of the REST API (`/api/v1`), for scripts, other services and front ends. Its types
 * are generated from the API's OpenAPI document (./schema.ts, `npm run api:generate`), so a changed
 * schema shows up here as a type error instead of a surprise at run time.
 *
 *   const api = createApiClient({ baseUrl: "https://app.example.com", getToken: () => session.getToken() });
 *   const { data, nextCursor } = await api.projects.list({ q: "launch" });
 *
 * It sends `Authorization: Bearer` (a fresh session token on every attempt, or an API key), gives each
 * POST an `Idempotency-Key`, retries 429 and 503 with backoff when a repeat is safe, and throws
 * ApiRequestError for the API's error answers.
 */
import createClient from "openapi-fetch";
import { ApiRequestError, toApiRequestError } from "./errors";
import {
  authMiddleware,
  authorizeWith,
  type Credentials,
  idempotencyKeyMiddleware,
  type RetryPolicy,
  retryMiddleware,
} from "./middleware";
import type { components, operations, paths } from "./schema";

export type { paths };
export { ApiRequestError };

type Schemas = components["schemas"];
export type Project = Schemas["Project"];
export type Task = Schemas["Task"];
export type CreateProject = Schemas["CreateProject"];
export type UpdateProject = Schemas["UpdateProject"];
export type CreateTask = Schemas["CreateTask"];
export type UpdateTask = Schemas["UpdateTask"];
export type ListProjectsQuery = NonNullable<operations["listProjects"]["parameters"]["query"]>;
export type PageQuery = NonNullable<operations["listTasks"]["parameters"]["query"]>;

export type ApiClientOptions = Credentials &
  Partial<RetryPolicy> & {
    /** The app's origin, e.g. `https://app.example.com`. */
    baseUrl: string;
    fetch?: (request: Request) => Promise<Response>;
  };

export function createApiClient(options: ApiClientOptions) {
  const client = createClient<paths>({
    baseUrl: `${options.baseUrl.replace(/\/+$/, "")}/api/v1`,
    fetch: options.fetch,
  });
  const authorize = authorizeWith(options);
  const policy: RetryPolicy = {
    retries: options.retries ?? 3,
    retryDelayMs: options.retryDelayMs ?? 250,
    maxRetryDelayMs: options.maxRetryDelayMs ?? 10_000,
  };
  client.use(authMiddleware(authorize), idempotencyKeyMiddleware, retryMiddleware(policy, authorize));

  const project = (projectId: string) => ({ params: { path: { projectId } } });
  const task = (projectId: string, taskId: string) => ({ params: { path: { projectId, taskId } } });

  return {
    projects: {
      list: (query: ListProjectsQuery = {}) => ok(client.GET("/projects", { params: { query } })),
      get: (projectId: string) => ok(client.GET("/projects/{projectId}", project(projectId))),
      create: (body: CreateProject) => ok(client.POST("/projects", { body })),
      update: (projectId: string, body: UpdateProject) =>
        ok(client.PATCH("/projects/{projectId}", { ...project(projectId), body })),
      delete: (projectId: string) => done(client.DELETE("/projects/{projectId}", project(projectId))),
    },
    tasks: {
      list: (projectId: string, query: PageQuery = {}) =>
        ok(client.GET("/projects/{projectId}/tasks", { params: { path: { projectId }, query } })),
      get: (projectId: string, taskId: string) =>
        ok(client.GET("/projects/{projectId}/tasks/{taskId}", task(projectId, taskId))),
      create: (projectId: string, body: CreateTask) =>
        ok(client.POST("/projects/{projectId}/tasks", { ...project(projectId), body })),
      update: (projectId: string, taskId: string, body: UpdateTask) =>
        ok(client.PATCH("/projects/{projectId}/tasks/{taskId}", { ...task(projectId, taskId), body })),
      delete: (projectId: string, taskId: string) =>
        done(client.DELETE("/projects/{projectId}/tasks/{taskId}", task(projectId, taskId))),
    },
    /**
     * The generated client itself (`api.client.GET("/projects/{projectId}", …)`), for an operation
     * without a helper above: same credentials, keys and retries, but it returns `{ data, error }`
     * instead of throwing.
     */
    client,
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

type Answer<T> = Promise<{ data?: T; error?: unknown; response: Response }>;

/** The answer's body, or the API's error thrown as an ApiRequestError. */
async function ok<T>(call: Answer<T>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw toApiRequestError(response.status, error);
  return data as T;
}

async function done(call: Answer<unknown>): Promise<void> {
  await ok(call);
}

/**
 * A small typed client for the REST API (`/api/v1`), for scripts, other services and front ends.
 * It adds the `Authorization: Bearer` header from a fresh Clerk session token on every attempt
 * (they live about a minute) and retries idempotent requests on 429 and 503.
 *
 *   const api = createApiClient({ baseUrl: "https://app.example.com", getToken: () => session.getToken() });
 *   const { data, nextCursor } = await api.projects.list({ q: "launch" });
 *
 * Only type imports from the app: the client runs anywhere `fetch` does, with no dependency.
 */

import type { z } from "zod";
import type { ApiErrorBody } from "./validation/api-error";
import type { Page } from "./validation/pagination";
import type { createProjectSchema, Project, updateProjectSchema } from "./validation/projects";
import type { createTaskSchema, Task, updateTaskSchema } from "./validation/tasks";

export interface ApiClientOptions {
  /** The app's origin, e.g. `https://app.example.com`. */
  baseUrl: string;
  /** Returns a current Clerk session token (for example `await getToken()` from Clerk). */
  getToken: () => string | null | Promise<string | null>;
  /** Retries of an idempotent request after a 429 or 503 (default 3). */
  retries?: number;
  /** First backoff when the server sends no `Retry-After` (default 250 ms; doubles each retry). */
  retryDelayMs?: number;
  /** Longest wait between attempts, whatever `Retry-After` says (default 10 s). */
  maxRetryDelayMs?: number;
  fetch?: typeof fetch;
}

/** The API answered with an error: `status`, plus the API's `code`, `message` and per-field `fields`. */
export class ApiRequestError extends Error {
  override name = "ApiRequestError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

export interface ListProjectsQuery {
  q?: string;
  limit?: number;
  cursor?: string;
}
export interface PageQuery {
  limit?: number;
  cursor?: string;
}

const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);
const RETRYABLE_STATUS = new Set([429, 503]);

export function createApiClient(options: ApiClientOptions) {
  const base = `${options.baseUrl.replace(/\/+$/, "")}/api/v1`;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const retries = options.retries ?? 3;
  const firstDelay = options.retryDelayMs ?? 250;
  const maxDelay = options.maxRetryDelayMs ?? 10_000;

  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const attempts = IDEMPOTENT.has(method) ? retries + 1 : 1;
    for (let attempt = 1; ; attempt++) {
      const token = await options.getToken();
      const response = await fetchImpl(`${base}${path}`, {
        method,
        headers: {
          accept: "application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (RETRYABLE_STATUS.has(response.status) && attempt < attempts) {
        await response.body?.cancel();
        await sleep(retryDelay(response, firstDelay * 2 ** (attempt - 1), maxDelay));
        continue;
      }
      if (response.status === 204) return undefined as T;
      const payload = await response.json().catch(() => null);
      if (!response.ok) throw toError(response.status, payload);
      return payload as T;
    }
  }

  const query = (params: Record<string, string | number | undefined>) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params))
      if (value !== undefined) search.set(key, String(value));
    const text = search.toString();
    return text ? `?${text}` : "";
  };
  const id = encodeURIComponent;

  return {
    projects: {
      list: (params: ListProjectsQuery = {}) =>
        request<Page<Project>>("GET", `/projects${query({ ...params })}`),
      get: (projectId: string) => request<Project>("GET", `/projects/${id(projectId)}`),
      create: (input: z.input<typeof createProjectSchema>) => request<Project>("POST", "/projects", input),
      update: (projectId: string, input: z.input<typeof updateProjectSchema>) =>
        request<Project>("PATCH", `/projects/${id(projectId)}`, input),
      delete: (projectId: string) => request<void>("DELETE", `/projects/${id(projectId)}`),
    },
    tasks: {
      list: (projectId: string, params: PageQuery = {}) =>
        request<Page<Task>>("GET", `/projects/${id(projectId)}/tasks${query({ ...params })}`),
      get: (projectId: string, taskId: string) =>
        request<Task>("GET", `/projects/${id(projectId)}/tasks/${id(taskId)}`),
      create: (projectId: string, input: z.input<typeof createTaskSchema>) =>
        request<Task>("POST", `/projects/${id(projectId)}/tasks`, input),
      update: (projectId: string, taskId: string, input: z.input<typeof updateTaskSchema>) =>
        request<Task>("PATCH", `/projects/${id(projectId)}/tasks/${id(taskId)}`, input),
      delete: (projectId: string, taskId: string) =>
        request<void>("DELETE", `/projects/${id(projectId)}/tasks/${id(taskId)}`),
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** `Retry-After` in seconds or as an HTTP date, else exponential backoff; never longer than `max`. */
function retryDelay(response: Response, backoff: number, max: number): number {
  const header = response.headers.get("retry-after");
  if (header) {
    const seconds = Number(header);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
    if (Number.isFinite(ms)) return Math.min(Math.max(ms, 0), max);
  }
  return Math.min(backoff, max);
}

function toError(status: number, payload: unknown): ApiRequestError {
  const error = (payload as Partial<ApiErrorBody> | null)?.error;
  if (error && typeof error.code === "string" && typeof error.message === "string") {
    return new ApiRequestError(status, error.code, error.message, error.fields);
  }
  return new ApiRequestError(status, "http_error", `The API answered ${status}`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

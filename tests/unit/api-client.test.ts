/**
 * The typed API client against a real local HTTP server that plays the API's part: what it sends,
 * and how it retries. (Its round trip through the real API is in tests/integration/api-v1-projects.)
 */
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { type ApiClientOptions, ApiRequestError, createApiClient } from "@/lib/api-client";
import { API_CLIENT_SCHEMA_PATH, renderApiClientSchema } from "@/scripts/lib/api-client-schema";

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  contentType: string | undefined;
  body: string;
}

let server: Server | undefined;

/** Starts a server that answers the n-th request with `replies[n]` (the last one repeats). */
async function serve(
  replies: Array<(res: ServerResponse) => void>,
): Promise<{ baseUrl: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      seen.push({
        method: req.method ?? "",
        url: req.url ?? "",
        authorization: req.headers.authorization,
        idempotencyKey: req.headers["idempotency-key"] as string | undefined,
        contentType: req.headers["content-type"],
        body,
      });
      (replies[Math.min(seen.length - 1, replies.length - 1)] as (res: ServerResponse) => void)(res);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  (res: ServerResponse) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };
const busy = (status: 429 | 503 | 500, retryAfter?: string) =>
  json(
    status,
    { error: { code: "busy", message: "Try again" } },
    retryAfter ? { "retry-after": retryAfter } : {},
  );
const noContent = (res: ServerResponse) => res.writeHead(204).end();
const page = { data: [], nextCursor: null };
const project = { id: "0193a4c2-0000-7000-8000-000000000001", name: "Launch" };

function clientFor(baseUrl: string, options: Partial<ApiClientOptions> = {}) {
  let calls = 0;
  const tokens = ["token-1", "token-2", "token-3", "token-4"];
  return createApiClient({
    baseUrl: `${baseUrl}/`,
    getToken: () => tokens[calls++] ?? null,
    retryDelayMs: 1,
    ...options,
  } as ApiClientOptions);
}

describe("the API client", () => {
  it("sends a fresh Bearer token on each request, JSON bodies, and query parameters", async () => {
    const { baseUrl, seen } = await serve([json(201, project), json(200, page)]);
    const api = clientFor(baseUrl);
    await expect(api.projects.create({ name: "Launch" })).resolves.toEqual(project);
    await expect(api.projects.list({ q: "a b", limit: 5 })).resolves.toEqual(page);
    expect(seen).toEqual([
      {
        method: "POST",
        url: "/api/v1/projects",
        authorization: "Bearer token-1",
        idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/),
        contentType: "application/json",
        body: '{"name":"Launch"}',
      },
      {
        method: "GET",
        url: "/api/v1/projects?q=a%20b&limit=5",
        authorization: "Bearer token-2",
        idempotencyKey: undefined,
        contentType: undefined,
        body: "",
      },
    ]);
  });

  it("sends an API key as the Bearer credential", async () => {
    const { baseUrl, seen } = await serve([json(200, project)]);
    await createApiClient({ baseUrl, apiKey: "sk_test_123" }).projects.get(project.id);
    expect(seen[0]).toMatchObject({
      url: `/api/v1/projects/${project.id}`,
      authorization: "Bearer sk_test_123",
    });
  });

  it("sends no Authorization header when there is no token", async () => {
    const { baseUrl, seen } = await serve([
      json(401, { error: { code: "unauthenticated", message: "Sign in" } }),
    ]);
    const error = await createApiClient({ baseUrl, getToken: () => null })
      .projects.list()
      .catch((e) => e);
    expect(error).toMatchObject({ status: 401, code: "unauthenticated" });
    expect(seen[0]?.authorization).toBeUndefined();
  });

  it("retries a GET after 503 and 429 until it succeeds, with a fresh token each time", async () => {
    const { baseUrl, seen } = await serve([busy(503), busy(429), json(200, page)]);
    await expect(clientFor(baseUrl).projects.list()).resolves.toEqual(page);
    expect(seen.map((request) => request.authorization)).toEqual([
      "Bearer token-1",
      "Bearer token-2",
      "Bearer token-3",
    ]);
  });

  it("retries a POST after 429 and 503 with the same body and Idempotency-Key, and a new key per call", async () => {
    const { baseUrl, seen } = await serve([busy(429), busy(503), json(201, project), json(201, project)]);
    const api = clientFor(baseUrl);
    await expect(api.tasks.create(project.id, { title: "Once" })).resolves.toEqual(project);
    await api.projects.create({ name: "Twice" });
    const [first, ...retries] = seen.slice(0, 3);
    expect(retries).toEqual([
      { ...first, authorization: "Bearer token-2" },
      { ...first, authorization: "Bearer token-3" },
    ]);
    expect(first).toMatchObject({ method: "POST", body: '{"title":"Once"}' });
    expect(seen[3]?.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen[3]?.idempotencyKey).not.toBe(first?.idempotencyKey);
  });

  it("keeps the Idempotency-Key a caller sets through the generated client", async () => {
    const { baseUrl, seen } = await serve([busy(503), json(201, project)]);
    const { data } = await clientFor(baseUrl).client.POST("/projects", {
      body: { name: "Launch" },
      headers: { "Idempotency-Key": "import-row-42" },
    });
    expect(data).toEqual(project);
    expect(seen.map((request) => request.idempotencyKey)).toEqual(["import-row-42", "import-row-42"]);
  });

  it("retries a DELETE (idempotent) but never a PATCH, nor a POST after a 500", async () => {
    const deleted = await serve([busy(503), noContent]);
    await expect(clientFor(deleted.baseUrl).projects.delete(project.id)).resolves.toBeUndefined();
    expect(deleted.seen).toHaveLength(2);
    await new Promise<void>((resolve) => server?.close(() => resolve()));

    const patched = await serve([busy(503)]);
    const error = await clientFor(patched.baseUrl)
      .projects.update(project.id, { name: "Once" })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 503, code: "busy" });
    expect(patched.seen.map((request) => request.method)).toEqual(["PATCH"]);
    await new Promise<void>((resolve) => server?.close(() => resolve()));

    // A 500 may come after the write: sending the create again could create twice.
    const failed = await serve([busy(500), json(201, project)]);
    await expect(clientFor(failed.baseUrl).projects.create({ name: "Once" })).rejects.toMatchObject({
      status: 500,
    });
    expect(failed.seen).toHaveLength(1);
  });

  it("gives up after the configured retries and reports the last answer", async () => {
    const { baseUrl, seen } = await serve([busy(503)]);
    const api = createApiClient({ baseUrl, getToken: () => "t", retries: 2, retryDelayMs: 1 });
    await expect(api.projects.get(project.id)).rejects.toMatchObject({ status: 503, code: "busy" });
    expect(seen).toHaveLength(3);
  });

  it("waits as long as Retry-After asks, up to its ceiling", async () => {
    const { baseUrl } = await serve([busy(429, "1"), json(200, page)]);
    const api = createApiClient({ baseUrl, getToken: () => "t", maxRetryDelayMs: 200, retryDelayMs: 1 });
    const started = performance.now();
    await api.projects.list();
    const waited = performance.now() - started;
    // Retry-After says 1 s; the 200 ms ceiling wins. Bounds are loose: this checks which rule applied.
    expect(waited).toBeGreaterThanOrEqual(190);
    expect(waited).toBeLessThan(900);
  });

  it("backs off exponentially, with jitter, when the server sends no Retry-After", async () => {
    const { baseUrl } = await serve([busy(503), busy(503), json(200, page)]);
    const api = createApiClient({ baseUrl, getToken: () => "t", retryDelayMs: 100 });
    const started = performance.now();
    await api.projects.list();
    const waited = performance.now() - started;
    // First wait 50–100 ms, second 100–200 ms: at least 150 ms in all, well under the 10 s ceiling.
    expect(waited).toBeGreaterThanOrEqual(145);
    expect(waited).toBeLessThan(1_000);
  });

  it("turns the API's error shape into an ApiRequestError with code, message and fields", async () => {
    const { baseUrl } = await serve([
      json(422, {
        error: { code: "validation_failed", message: "Fix it", fields: { name: ["Name is required"] } },
      }),
    ]);
    const error = await clientFor(baseUrl)
      .projects.create({ name: "" })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({
      status: 422,
      code: "validation_failed",
      message: "Fix it",
      fields: { name: ["Name is required"] },
    });
  });

  it("reports an answer that is not the API's error shape as http_error", async () => {
    const { baseUrl } = await serve([
      (res) => res.writeHead(502, { "content-type": "text/html" }).end("<h1>"),
    ]);
    const error = await clientFor(baseUrl)
      .projects.get(project.id)
      .catch((e) => e);
    expect(error).toMatchObject({
      status: 502,
      code: "http_error",
      message: "The API answered 502",
      fields: {},
    });
  });
});

describe("the generated client types", () => {
  it("match the OpenAPI document the zod schemas produce today (else run npm run api:generate)", async () => {
    const committed = await readFile(API_CLIENT_SCHEMA_PATH, "utf8");
    expect(await renderApiClientSchema()).toBe(committed);
  });
});

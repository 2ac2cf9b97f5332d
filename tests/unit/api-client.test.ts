/**
 * The typed API client against a real local HTTP server that plays the API's part: what it sends,
 * and how it retries. (Its round trip through the real API is in tests/integration/api-v1-projects.)
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ApiRequestError, createApiClient } from "@/lib/api-client";

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
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
const busy = (status: 429 | 503, retryAfter?: string) =>
  json(
    status,
    { error: { code: "busy", message: "Try again" } },
    retryAfter ? { "retry-after": retryAfter } : {},
  );
const page = { data: [], nextCursor: null };

function clientFor(baseUrl: string, tokens: string[] = ["token-1", "token-2", "token-3", "token-4"]) {
  let calls = 0;
  return createApiClient({
    baseUrl: `${baseUrl}/`,
    getToken: () => tokens[calls++] ?? null,
    retryDelayMs: 1,
  });
}

describe("the API client", () => {
  it("sends a fresh Bearer token on each request, JSON bodies, and query parameters", async () => {
    const { baseUrl, seen } = await serve([json(201, { id: "p1" }), json(200, page)]);
    const api = clientFor(baseUrl);
    await api.projects.create({ name: "Launch" });
    await api.projects.list({ q: "a b", limit: 5 });
    expect(seen).toEqual([
      {
        method: "POST",
        url: "/api/v1/projects",
        authorization: "Bearer token-1",
        contentType: "application/json",
        body: '{"name":"Launch"}',
      },
      {
        method: "GET",
        url: "/api/v1/projects?q=a+b&limit=5",
        authorization: "Bearer token-2",
        contentType: undefined,
        body: "",
      },
    ]);
  });

  it("retries a GET after 503 and 429 until it succeeds, with a new token each time", async () => {
    const { baseUrl, seen } = await serve([busy(503), busy(429), json(200, page)]);
    await expect(clientFor(baseUrl).projects.list()).resolves.toEqual(page);
    expect(seen.map((request) => request.authorization)).toEqual([
      "Bearer token-1",
      "Bearer token-2",
      "Bearer token-3",
    ]);
  });

  it("retries a DELETE (idempotent) but never a POST or PATCH", async () => {
    const deleted = await serve([busy(503), (res) => res.writeHead(204).end()]);
    await expect(clientFor(deleted.baseUrl).projects.delete("p1")).resolves.toBeUndefined();
    expect(deleted.seen).toHaveLength(2);
    await new Promise<void>((resolve) => server?.close(() => resolve()));

    const created = await serve([busy(503)]);
    const error = await clientFor(created.baseUrl)
      .projects.create({ name: "Once" })
      .catch((e) => e);
    expect(error).toMatchObject({ status: 503, code: "busy" });
    const patched = await clientFor(created.baseUrl)
      .projects.update("p1", { name: "Once" })
      .catch((e) => e);
    expect(patched).toBeInstanceOf(ApiRequestError);
    expect(created.seen.map((request) => request.method)).toEqual(["POST", "PATCH"]);
  });

  it("gives up after the configured retries and reports the last answer", async () => {
    const { baseUrl, seen } = await serve([busy(503)]);
    const api = createApiClient({ baseUrl, getToken: () => "t", retries: 2, retryDelayMs: 1 });
    await expect(api.projects.get("p1")).rejects.toMatchObject({ status: 503 });
    expect(seen).toHaveLength(3);
  });

  it("waits as long as Retry-After asks, up to its ceiling", async () => {
    const { baseUrl } = await serve([busy(429, "1"), json(200, page)]);
    const started = performance.now();
    const api = createApiClient({ baseUrl, getToken: () => "t", maxRetryDelayMs: 200, retryDelayMs: 1 });
    await api.projects.list();
    const waited = performance.now() - started;
    // Retry-After says 1 s; the 200 ms ceiling wins. Bounds are loose: this checks which rule applied.
    expect(waited).toBeGreaterThanOrEqual(190);
    expect(waited).toBeLessThan(900);
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

  it("sends no Authorization header when there is no token", async () => {
    const { baseUrl, seen } = await serve([
      json(401, { error: { code: "unauthenticated", message: "Sign in" } }),
    ]);
    await createApiClient({ baseUrl, getToken: () => null })
      .projects.list()
      .catch(() => {});
    expect(seen[0]?.authorization).toBeUndefined();
  });
});

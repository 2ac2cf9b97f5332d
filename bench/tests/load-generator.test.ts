import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LoadRunError, runLoad } from "../lib/autocannon";

/** A server that answers by path, and remembers every body it was sent. */
let server: Server;
let url: string;
const bodies: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      if (request.url === "/numbered") bodies.push(body);
      response.statusCode = request.url === "/missing" ? 404 : 200;
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// Each run forks a Node.js process with tsx, a second or two on a busy machine.
describe("the load generator", { timeout: 20_000 }, () => {
  it("sends the requested amount from its own process and reports every response", async () => {
    const result = await runLoad({ url, requests: [{ path: "/" }], connections: 4, amount: 40 });
    expect(result.requests).toBe(40);
    expect(result.statuses).toEqual({ 200: 40 });
    expect(result.requestsPerSecond).toBeGreaterThan(0);
    expect(result.latencyMs.p50).toBeLessThanOrEqual(result.latencyMs.p95);
    expect(result.latencyMs.p95).toBeLessThanOrEqual(result.latencyMs.p99);
    expect(result.latencyMs.p99).toBeLessThanOrEqual(result.latencyMs.max);
  });

  it("refuses to report figures for a run that got another status than expected", async () => {
    await expect(
      runLoad({ url, requests: [{ path: "/missing" }], connections: 2, amount: 10 }),
    ).rejects.toThrow(
      new LoadRunError(
        "Load on /missing got 10 × HTTP 404 (expected only HTTP 200): the figures would not measure what they claim.",
      ),
    );
  });

  it("accepts the statuses a benchmark says it expects", async () => {
    const result = await runLoad({
      url,
      requests: [{ path: "/missing" }],
      connections: 2,
      amount: 10,
      expectStatus: [404],
    });
    expect(result.statuses).toEqual({ 404: 10 });
  });

  it("reports a server that is not there as connection errors, not as figures", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(
      runLoad({ url: `http://127.0.0.1:${port}`, requests: [{ path: "/" }], connections: 1, duration: 1 }),
    ).rejects.toThrow(/connection errors/);
  });

  it("builds each request afresh from a request module running in the load process", async () => {
    bodies.length = 0;
    const path = fileURLToPath(new URL("./numbered-requests.ts", import.meta.url));
    await runLoad({
      url,
      requests: [],
      requestModule: { path, options: { prefix: "delivery" } },
      connections: 1,
      amount: 5,
    });
    expect(bodies).toEqual(["delivery-1", "delivery-2", "delivery-3", "delivery-4", "delivery-5"]);
  });
});

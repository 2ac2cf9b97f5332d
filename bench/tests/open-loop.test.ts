import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runOpenLoop } from "../lib/open-loop";

/** A server whose every answer takes 100 ms, and which remembers when each request arrived. */
let server: Server;
let url: string;
const arrivals: number[] = [];

beforeAll(async () => {
  server = createServer((_request, response) => {
    arrivals.push(performance.now());
    setTimeout(() => response.end("ok"), 100);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("open-loop load", () => {
  it("sends on schedule while earlier requests are still unanswered, spread over the second", async () => {
    // 20 requests/s against 100 ms answers: a closed loop of one connection could send only 10.
    const result = await runOpenLoop({
      url,
      requests: [{ path: "/" }],
      rate: 20,
      amount: 20,
      timeoutSeconds: 5,
    });
    expect(result.statuses).toEqual({ 200: 20 });
    expect(result.seconds).toBeLessThan(1.6);
    // Not a burst: the arrivals are spread out, about 50 ms apart.
    const gaps = arrivals.slice(1).map((at, i) => at - (arrivals[i] as number));
    expect(gaps.filter((gap) => gap > 25).length).toBeGreaterThan(gaps.length / 2);
    // Each latency is the server's 100 ms (from the scheduled time), not a queue behind earlier requests.
    expect(Math.min(...result.latencies)).toBeGreaterThanOrEqual(99);
    expect(Math.max(...result.latencies)).toBeLessThan(400);
  });
});

/**
 * Open-loop load (runs inside the load process, ./autocannon-worker.ts): requests leave on a fixed
 * schedule, one every 1 ÷ rate seconds, whether or not earlier ones have answered — as independent
 * visitors arrive. autocannon's `overallRate` cannot do this: each connection sends its share of a
 * second's requests back to back when the second starts, so every second begins with a burst.
 * Each latency is counted from the request's scheduled time, so a request the client sent late
 * (its event loop busy) still counts its wait: no coordinated omission. Requests go out through
 * node:http with keep-alive sockets rather than `fetch`, whose per-request cost (streams, abort
 * signals, a timer each) made the generator's own pauses show up as the server's tail.
 */
import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { LoadRequest } from "./autocannon";

export interface OpenLoopResult {
  latencies: number[];
  statuses: Record<string, number>;
  errors: number;
  seconds: number;
}

export async function runOpenLoop(options: {
  url: string;
  requests: LoadRequest[];
  /** Requests per second. */
  rate: number;
  /** Seconds of load, or `amount` requests in total. */
  duration?: number;
  amount?: number;
  timeoutSeconds: number;
}): Promise<OpenLoopResult> {
  const { url, requests, rate } = options;
  const count = options.amount ?? Math.round(rate * (options.duration ?? 0));
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const started = performance.now();
  const sent: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const scheduled = started + (i * 1000) / rate;
    const wait = scheduled - performance.now();
    if (wait > 0) await sleep(wait);
    const request = requests[i % requests.length] as LoadRequest;
    sent.push(
      send(`${url}${request.path}`, request, agent, options.timeoutSeconds * 1000).then(
        (status) => {
          latencies.push(performance.now() - scheduled);
          statuses[status] = (statuses[status] ?? 0) + 1;
        },
        () => {
          errors += 1;
        },
      ),
    );
  }
  await Promise.all(sent);
  agent.destroy();
  return { latencies, statuses, errors, seconds: (performance.now() - started) / 1000 };
}

/** One request; resolves with its status once the whole body has arrived. */
function send(url: string, request: LoadRequest, agent: http.Agent, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      url,
      { method: request.method ?? "GET", headers: request.headers, agent, timeout: timeoutMs },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", reject);
      },
    );
    outgoing.on("timeout", () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    outgoing.on("error", reject);
    outgoing.end(request.body);
  });
}

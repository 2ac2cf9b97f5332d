/**
 * Open-loop load (runs inside the load process, ./autocannon-worker.ts): requests leave on a fixed
 * schedule, one every 1 ÷ rate seconds, whether or not earlier ones have answered — as independent
 * visitors arrive. autocannon's `overallRate` cannot do this: each connection sends its share of a
 * second's requests back to back when the second starts, so every second begins with a burst.
 * Each latency is counted from the request's scheduled time, so a request the client sent late
 * (its event loop busy) still counts its wait: no coordinated omission.
 */
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
  const started = performance.now();
  const sent: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const scheduled = started + (i * 1000) / rate;
    const wait = scheduled - performance.now();
    if (wait > 0) await sleep(wait);
    const request = requests[i % requests.length] as LoadRequest;
    sent.push(
      fetch(`${url}${request.path}`, {
        method: request.method ?? "GET",
        headers: request.headers,
        body: request.body,
        redirect: "manual",
        signal: AbortSignal.timeout(options.timeoutSeconds * 1000),
      })
        .then(async (response) => {
          await response.arrayBuffer();
          latencies.push(performance.now() - scheduled);
          statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        })
        .catch(() => {
          errors += 1;
        }),
    );
  }
  await Promise.all(sent);
  return { latencies, statuses, errors, seconds: (performance.now() - started) / 1000 };
}

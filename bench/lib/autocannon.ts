/**
 * Puts load on the running app with autocannon from a second process (./autocannon-worker.ts), so the
 * load generator's own work never runs on the server's event loop. Returns what the responses
 * measured, and refuses to return numbers for a run that was not what it claimed to measure
 * (an unexpected status, a connection error, a timeout).
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type autocannon from "autocannon";

export interface LoadRequest {
  method?: autocannon.Request["method"];
  /** Path and query, e.g. `/orgs/acme`. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  /** The app's origin, e.g. `http://localhost:3000`. */
  url: string;
  /** Sent in turn on every connection (autocannon's `requests`). */
  requests: LoadRequest[];
  /**
   * For requests that must differ each time (a fresh signature, a unique id): an absolute module
   * path whose `createRequests(options)` returns autocannon `requests` (with `setupRequest`
   * functions). It runs inside the load process; replaces `requests`.
   */
  requestModule?: { path: string; options?: unknown };
  connections: number;
  /** Seconds of load; or `amount` requests in total, whichever the benchmark needs. */
  duration?: number;
  amount?: number;
  /**
   * Open-loop load instead of autocannon's closed loop: this many requests/s, each sent on schedule
   * whether or not earlier ones have answered (./open-loop.ts; `connections` is then unused).
   */
  overallRate?: number;
  /** Every response must have one of these statuses, or the run fails. Default: [200]. */
  expectStatus?: number[];
  /** Seconds before a request counts as timed out. Default 10. */
  timeoutSeconds?: number;
}

export interface LoadResult {
  /** Responses received. */
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  /** Response times in milliseconds, from every response (not autocannon's rounded histogram). */
  latencyMs: { p50: number; p95: number; p99: number; mean: number; max: number };
  /** Responses per HTTP status. */
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
}

/** What the worker receives; `LoadOptions` minus what only this side needs. */
export type WorkerSpec = Omit<LoadOptions, "expectStatus">;

export type WorkerMessage = { ok: true; result: LoadResult } | { ok: false; error: string };

export class LoadRunError extends Error {
  override name = "LoadRunError";
}

const WORKER_PATH = fileURLToPath(new URL("./autocannon-worker.ts", import.meta.url));

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { expectStatus = [200], ...spec } = options;
  if (spec.duration === undefined && spec.amount === undefined) {
    throw new LoadRunError("runLoad() needs a duration (seconds) or an amount (requests)");
  }
  const result = await inWorker(spec);
  const unexpected = Object.entries(result.statuses).filter(
    ([status]) => !expectStatus.includes(Number(status)),
  );
  const problems = [
    ...unexpected.map(([status, count]) => `${count} × HTTP ${status}`),
    ...(result.errors ? [`${result.errors} connection errors`] : []),
    ...(result.timeouts ? [`${result.timeouts} timeouts`] : []),
    ...(result.requests === 0 ? ["no response at all"] : []),
  ];
  if (problems.length > 0) {
    const target = spec.requestModule ? spec.requestModule.path : spec.requests.map((r) => r.path).join(", ");
    throw new LoadRunError(
      `Load on ${target} got ${problems.join(", ")} (expected only HTTP ${expectStatus.join("/")}): the figures would not measure what they claim.`,
    );
  }
  return result;
}

function inWorker(spec: WorkerSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = fork(WORKER_PATH, [], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let settled = false;
    worker.once("message", (message: WorkerMessage) => {
      settled = true;
      if (message.ok) resolve(message.result);
      else reject(new LoadRunError(`The load generator failed: ${message.error}`));
    });
    worker.once("error", (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new LoadRunError(`The load generator exited (code ${code}) without a result`));
      settled = true;
    });
    worker.send(spec);
  });
}

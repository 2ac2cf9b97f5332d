/**
 * The load generator's process (forked by ./autocannon.ts): receives one `WorkerSpec`, runs autocannon,
 * sends back one `WorkerMessage` and exits. Latencies are collected from every response, because
 * autocannon's summary has no p95 and rounds to whole milliseconds.
 */
import autocannon from "autocannon";
import type { LoadResult, WorkerMessage, WorkerSpec } from "./autocannon";
import { runOpenLoop } from "./open-loop";
import { percentile } from "./stats";

async function requestsOf(spec: WorkerSpec): Promise<autocannon.Request[]> {
  if (!spec.requestModule) return spec.requests;
  const module = (await import(spec.requestModule.path)) as {
    createRequests?: (options: unknown) => autocannon.Request[] | Promise<autocannon.Request[]>;
  };
  if (typeof module.createRequests !== "function") {
    throw new Error(`${spec.requestModule.path} does not export createRequests(options)`);
  }
  return module.createRequests(spec.requestModule.options);
}

async function run(spec: WorkerSpec): Promise<LoadResult> {
  if (spec.overallRate !== undefined) return summarize(await openLoop(spec));
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const options: autocannon.Options = {
    url: spec.url,
    connections: spec.connections,
    ...(spec.amount !== undefined ? { amount: spec.amount } : { duration: spec.duration }),
    requests: await requestsOf(spec),
    timeout: spec.timeoutSeconds ?? 10,
  };
  const summary = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, result: autocannon.Result) =>
      error ? reject(error) : resolve(result),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
  return summarize({
    latencies,
    statuses,
    errors: summary.errors,
    timeouts: summary.timeouts,
    seconds: summary.duration,
  });
}

function openLoop(spec: WorkerSpec) {
  return runOpenLoop({
    url: spec.url,
    requests: spec.requests,
    rate: spec.overallRate as number,
    duration: spec.duration,
    amount: spec.amount,
    timeoutSeconds: spec.timeoutSeconds ?? 10,
  }).then((result) => ({ ...result, timeouts: 0 }));
}

function summarize({
  latencies,
  statuses,
  errors,
  timeouts,
  seconds,
}: {
  latencies: number[];
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  seconds: number;
}): LoadResult {
  latencies.sort((a, b) => a - b);
  const count = latencies.length;
  return {
    requests: count,
    seconds,
    requestsPerSecond: seconds > 0 ? count / seconds : 0,
    latencyMs:
      count === 0
        ? { p50: 0, p95: 0, p99: 0, mean: 0, max: 0 }
        : {
            p50: percentile(latencies, 50),
            p95: percentile(latencies, 95),
            p99: percentile(latencies, 99),
            mean: latencies.reduce((sum, value) => sum + value, 0) / count,
            max: latencies[count - 1] as number,
          },
    statuses,
    errors,
    timeouts,
  };
}

function reply(message: WorkerMessage): void {
  process.send?.(message, () => process.exit(0));
}

process.once("message", (spec: WorkerSpec) => {
  run(spec)
    .then((result) => reply({ ok: true, result }))
    .catch((error: unknown) =>
      reply({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
});

/**
 * Runs load scenarios the same way every time: a warm-up each, then the measured runs interleaved
 * (A B A B A B, not A A A B B B), so a slow stretch on a shared machine hits every scenario alike
 * instead of skewing the comparison.
 */
import { type LoadOptions, type LoadResult, runLoad } from "./autocannon";
import { formatMs, formatNumber } from "./report";
import { medianOf, type Summary } from "./stats";
import type { BenchContext } from "./types";

export interface Scenario {
  name: string;
  /** The load of one run; `url` defaults to the app's, `duration` to the plan's. */
  load: Omit<LoadOptions, "url" | "duration"> & { url?: string; duration?: number };
}

export interface ScenarioResult {
  name: string;
  runs: LoadResult[];
  requestsPerSecond: Summary;
  p50: Summary;
  p95: Summary;
  p99: Summary;
}

export async function measureScenarios(ctx: BenchContext, scenarios: Scenario[]): Promise<ScenarioResult[]> {
  const { plan } = ctx;
  const loadOf = (scenario: Scenario, duration: number): LoadOptions => {
    const load: LoadOptions = { url: ctx.app.baseUrl, ...scenario.load };
    if (load.amount !== undefined) return load;
    if (plan.requestsPerConnection) return { ...load, amount: load.connections * plan.requestsPerConnection };
    return { ...load, duration: scenario.load.duration ?? duration };
  };

  if (plan.warmupSeconds > 0) {
    for (const scenario of scenarios) {
      ctx.log(`${scenario.name}: warming up for ${plan.warmupSeconds} s`);
      await runLoad(loadOf(scenario, plan.warmupSeconds));
    }
  }

  const runs = new Map<Scenario, LoadResult[]>(scenarios.map((scenario) => [scenario, []]));
  for (let run = 1; run <= plan.runs; run++) {
    for (const scenario of scenarios) {
      const result = await runLoad(loadOf(scenario, plan.durationSeconds));
      runs.get(scenario)?.push(result);
      ctx.log(
        `${scenario.name}: run ${run}/${plan.runs}: ${formatNumber(result.requestsPerSecond)} req/s, p50 ${formatMs(result.latencyMs.p50)}, p95 ${formatMs(result.latencyMs.p95)}, p99 ${formatMs(result.latencyMs.p99)}`,
      );
    }
  }

  return scenarios.map((scenario) => {
    const results = runs.get(scenario) ?? [];
    return {
      name: scenario.name,
      runs: results,
      requestsPerSecond: medianOf(results.map((result) => result.requestsPerSecond)),
      p50: medianOf(results.map((result) => result.latencyMs.p50)),
      p95: medianOf(results.map((result) => result.latencyMs.p95)),
      p99: medianOf(results.map((result) => result.latencyMs.p99)),
    };
  });
}

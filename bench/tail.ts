/**
 * Tail latency at a sustainable load: the dashboard (`/orgs/acme`, signed in) and the REST API
 * (`GET /api/v1/projects`, Bearer session token). Each round first measures the route's maximum rate
 * (closed loop, 10 connections), then sends half of it open-loop — requests on schedule whether or not
 * earlier ones have answered, as independent visitors arrive (lib/open-loop.ts) — and reads
 * p95 ÷ p50 of that run. Under a closed loop with many connections the latency is queueing (Little's
 * law); at half the maximum rate it is what one visitor waits for, and p95 ÷ p50 says how steady it is.
 * Beside it, the route's framework ceiling (the baseline app) under the same open-loop rate: what the
 * machine, the load generator and Next.js give alone, so a tail can be told from the product's own.
 */
import { type LoadOptions, type LoadResult, runLoad } from "./lib/autocannon";
import { expectResponse } from "./lib/check";
import { formatMs, formatNumber } from "./lib/report";
import { DEMO_ADMIN } from "./lib/sessions";
import { medianOf, type Summary } from "./lib/stats";
import type { Benchmark, Row } from "./lib/types";

const NAME = "Tail latency";
const MAX_RATE_CONNECTIONS = 10;
const GOAL = 3;

interface Target {
  key: "dashboard" | "api";
  label: string;
  path: string;
  headers: Record<string, string>;
  /** The same work in the baseline app, with no middleware and no auth. */
  ceilingPath: string;
}

interface Round {
  maxRate: number;
  rate: number;
  open: LoadResult;
  /** The ceiling under the same open-loop rate: the tail the machine and the framework give alone. */
  ceiling: LoadResult;
}

const tail: Benchmark = {
  name: "tail",
  async run(ctx) {
    const { baseUrl, sessions } = ctx.app;
    const targets: Target[] = [
      {
        key: "dashboard",
        label: "dashboard `/orgs/acme`, signed in",
        path: "/orgs/acme",
        headers: sessions.browserHeaders(DEMO_ADMIN),
        ceilingPath: `/orgs/${DEMO_ADMIN.orgSlug}`,
      },
      {
        key: "api",
        label: "`GET /api/v1/projects`, Bearer session token",
        path: "/api/v1/projects",
        headers: sessions.bearerHeaders(DEMO_ADMIN),
        ceilingPath: `/api/projects?org=${DEMO_ADMIN.orgSlug}`,
      },
    ];
    for (const target of targets)
      await expectResponse(`${baseUrl}${target.path}`, target.headers, { status: 200 });

    const load = (target: Target, connections: number, seconds: number): LoadOptions => ({
      url: baseUrl,
      requests: [{ path: target.path, headers: target.headers }],
      connections,
      ...(ctx.plan.requestsPerConnection
        ? { amount: connections * ctx.plan.requestsPerConnection }
        : { duration: seconds }),
    });
    if (ctx.plan.warmupSeconds > 0) {
      for (const target of targets) {
        ctx.log(`tail: ${target.key}: warming up for ${ctx.plan.warmupSeconds} s`);
        await runLoad(load(target, MAX_RATE_CONNECTIONS, ctx.plan.warmupSeconds));
      }
    }
    const rounds = new Map<Target, Round[]>(targets.map((target) => [target, []]));
    for (let round = 1; round <= ctx.plan.runs; round++) {
      for (const target of targets) {
        const max = await runLoad(load(target, MAX_RATE_CONNECTIONS, ctx.plan.durationSeconds));
        const rate = Math.max(1, Math.round(max.requestsPerSecond / 2));
        const open = await runLoad({
          ...load(target, MAX_RATE_CONNECTIONS, ctx.plan.durationSeconds),
          overallRate: rate,
        });
        const ceiling = await runLoad({
          ...load(target, MAX_RATE_CONNECTIONS, ctx.plan.durationSeconds),
          url: ctx.app.baseline.baseUrl,
          requests: [{ path: target.ceilingPath, headers: {} }],
          overallRate: rate,
        });
        rounds.get(target)?.push({ maxRate: max.requestsPerSecond, rate, open, ceiling });
        ctx.log(
          `tail: ${target.key}: round ${round}/${ctx.plan.runs}: max ${formatNumber(max.requestsPerSecond)} req/s; at ${rate} req/s open-loop p50 ${formatMs(open.latencyMs.p50)}, p95 ${formatMs(open.latencyMs.p95)}`,
        );
      }
    }

    const rows: Row[] = [];
    for (const target of targets) {
      const measured = rounds.get(target) ?? [];
      const summary = (pick: (round: Round) => number): Summary => medianOf(measured.map(pick));
      const ratio = summary((round) => round.open.latencyMs.p95 / round.open.latencyMs.p50);
      const [p50, p95] = [summary((r) => r.open.latencyMs.p50), summary((r) => r.open.latencyMs.p95)];
      const rate = summary((round) => round.rate);
      ctx.goal({
        key: `tail.${target.key}P95OverP50`,
        figure: `p95 ÷ p50 at half the measured maximum rate, open loop: ${target.label}`,
        sides: `${formatMs(p95.median)} ÷ ${formatMs(p50.median)} at ${formatNumber(rate.median)} req/s`,
        value: ratio.median,
        result: ratio.median.toFixed(2),
        target: { text: `≤ ${GOAL}`, met: ratio.median <= GOAL },
        spread: ratio,
      });
      rows.push(
        {
          benchmark: NAME,
          measure: `${target.label}: maximum rate (closed loop, ${MAX_RATE_CONNECTIONS} connections), requests/s`,
          result: formatNumber(summary((round) => round.maxRate).median),
          spread: summary((round) => round.maxRate),
        },
        {
          benchmark: NAME,
          measure: `${target.label}: at half of it, open loop (${formatNumber(rate.median)} req/s): p50 / p95 / p99`,
          result: `${formatMs(p50.median)} / ${formatMs(p95.median)} / ${formatMs(summary((r) => r.open.latencyMs.p99).median)}`,
          spread: p95.cv > p50.cv ? p95 : p50,
        },
        ceilingTailRow(target, summary),
      );
    }
    return rows;
  },
};

/** The anchor: how steady the framework alone is at the same arrival rate, on the same machine. */
function ceilingTailRow(target: Target, summary: (pick: (round: Round) => number) => Summary): Row {
  const [p50, p95] = [summary((r) => r.ceiling.latencyMs.p50), summary((r) => r.ceiling.latencyMs.p95)];
  const ratio = summary((round) => round.ceiling.latencyMs.p95 / round.ceiling.latencyMs.p50);
  return {
    benchmark: NAME,
    measure: `its framework ceiling (baseline app \`${target.ceilingPath}\`) at the same rate, open loop: p50 / p95; p95 ÷ p50`,
    result: `${formatMs(p50.median)} / ${formatMs(p95.median)}; ${ratio.median.toFixed(2)}`,
    spread: ratio,
  };
}

export default tail;

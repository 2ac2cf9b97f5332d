/**
 * The benchmark kit behind `npm run bench`. A benchmark is a module whose default export is
 *
 *     const webhooks: Benchmark = {
 *       name: "webhooks",                       // what `--only webhooks` selects
 *       async run(ctx) {                         // ctx: BenchContext
 *         // ctx.app.baseUrl / databaseUrl / sessions / webhookSigningSecret: the shared production server
 *         await expectResponse(`${ctx.app.baseUrl}/api/…`, headers, { status: 200 }); // prove the target first
 *         const [result] = await measureScenarios(ctx, [
 *           { name: "webhooks: user.updated", load: { requests: [{ method: "POST", path: "/api/webhooks/clerk", headers, body }], connections: 10 } },
 *         ]);                                    // warm-up + ctx.plan.runs interleaved runs, medians, CVs
 *         return [{ benchmark: "Webhooks", measure: "…: requests/s", result: formatNumber(result.requestsPerSecond.median), spread: result.requestsPerSecond }];
 *       },
 *     };
 *     export default webhooks;
 *
 * then add it to the list in bench/index.ts (and `"bench:webhooks": "tsx bench/index.ts --only webhooks"`
 * runs it alone). Every figure is the median of `ctx.plan.runs` (≥ 3) runs; pass its `Summary` as
 * `spread` and the table flags a CV above 10% as noisy. `--smoke` shrinks the plan to 1-second runs.
 *
 * - `startBenchApp({ env, serverEnv, seed, serverDatabaseUrl })` (./app.ts): `next build` (reused when
 *   current), embedded PostgreSQL on a free port + migrations + seed (as the owner), `next start -H
 *   localhost` on a free port (connecting as `serverDatabaseUrl(ownerUrl)`, e.g. an RLS-bound role),
 *   Clerk keys for the run; beside it the baseline app (bench/baseline-app/, `ctx.app.baseline.baseUrl`):
 *   the framework ceilings and the naive webhook handler, on the same database, with no middleware or
 *   auth. The runner starts them once; `stop()` and Ctrl-C end everything.
 * - `runLoad(options)` (./autocannon.ts): one autocannon run in a second process; fails on any status but
 *   `expectStatus` (default [200]), on connection errors and timeouts. `requests` are sent in turn;
 *   requests that must differ each time (fresh svix signatures, unique ids) come from a module of
 *   yours: `requestModule: { path, options }`, whose `createRequests(options)` returns autocannon
 *   requests with `setupRequest` functions, run inside the load process.
 * - `measureScenarios(ctx, scenarios)` (./scenarios.ts): runLoad for each scenario, the way every
 *   benchmark here does it. `medianOf(values)` (./stats.ts) for figures of your own.
 * - `ctx.app.sessions.bearerHeaders(identity)` / `.browserHeaders(identity)` (./sessions.ts):
 *   session tokens signed with the run's key, which the app's Clerk SDK verifies.
 * - `ctx.note(text)`: a sentence for the notes under the table; say what costs the most when a
 *   target is missed.
 */
export { type BenchApp, type BenchAppOptions, startBenchApp } from "./app";
export { type LoadOptions, type LoadRequest, type LoadResult, runLoad } from "./autocannon";
export { expectResponse } from "./check";
export { formatKb, formatMs, formatNumber, formatPercent } from "./report";
export { measureScenarios, type Scenario, type ScenarioResult } from "./scenarios";
export { BenchSessions, DEMO_ADMIN } from "./sessions";
export { medianOf, NOISY_CV, percentile, type Summary } from "./stats";
export { medianLatencies, noisiest } from "./summaries";
export type { BenchContext, Benchmark, LoadPlan, Row, Target } from "./types";

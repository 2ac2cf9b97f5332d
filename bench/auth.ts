/**
 * Auth overhead: what every API request pays for being signed in. Two routes do the same work (one
 * database round-trip, server/benchmark/auth-probe.ts); the protected one is reached with a Bearer
 * session token that Clerk's middleware verifies networklessly (`jwtKey`) before the handler asks
 * `auth()` for the caller's organization. The ratio of their throughputs is the price of auth.
 */
import { expectResponse } from "./lib/check";
import { formatMs, formatNumber, formatPercent } from "./lib/report";
import { measureScenarios } from "./lib/scenarios";
import { DEMO_ADMIN } from "./lib/sessions";
import { medianOf } from "./lib/stats";
import { medianLatencies, noisiest } from "./lib/summaries";
import type { Benchmark, Row } from "./lib/types";

const PUBLIC_PATH = "/api/benchmark/public";
const PROTECTED_PATH = "/api/benchmark/protected";
const CONNECTIONS = 10;
const TARGET_RATIO = 0.85;
const NAME = "Auth overhead";

const auth: Benchmark = {
  name: "auth",
  async run(ctx) {
    const { baseUrl, sessions } = ctx.app;
    const json = { accept: "application/json" };
    const bearer = sessions.bearerHeaders(DEMO_ADMIN);
    const sameWork = ['"status":"ok"'];
    await expectResponse(`${baseUrl}${PUBLIC_PATH}`, json, { status: 200, bodyIncludes: sameWork });
    await expectResponse(`${baseUrl}${PROTECTED_PATH}`, bearer, { status: 200, bodyIncludes: sameWork });
    // Otherwise the comparison would be between two public routes.
    await expectResponse(`${baseUrl}${PROTECTED_PATH}`, json, { status: 401 });

    const [publicRoute, protectedRoute] = await measureScenarios(ctx, [
      {
        name: "auth: public route",
        load: { requests: [{ path: PUBLIC_PATH, headers: json }], connections: CONNECTIONS },
      },
      {
        name: "auth: protected route",
        load: { requests: [{ path: PROTECTED_PATH, headers: bearer }], connections: CONNECTIONS },
      },
    ]);
    if (!publicRoute || !protectedRoute) throw new Error("both routes must have been measured");

    // Run i of each route ran back to back, so each pair saw the same machine.
    const ratio = medianOf(
      protectedRoute.runs.map(
        (run, i) => run.requestsPerSecond / (publicRoute.runs[i]?.requestsPerSecond ?? Number.NaN),
      ),
    );
    const addedP50 = medianOf(
      protectedRoute.runs.map(
        (run, i) => run.latencyMs.p50 - (publicRoute.runs[i]?.latencyMs.p50 ?? Number.NaN),
      ),
    );

    const rows: Row[] = [
      {
        benchmark: NAME,
        measure: `public route, same work without auth (${CONNECTIONS} connections): requests/s`,
        result: formatNumber(publicRoute.requestsPerSecond.median),
        spread: publicRoute.requestsPerSecond,
      },
      {
        benchmark: NAME,
        measure: "public route: p50 / p99",
        result: medianLatencies(publicRoute.p50, publicRoute.p99),
        spread: noisiest(publicRoute.p50, publicRoute.p99),
      },
      {
        benchmark: NAME,
        measure: `protected route, Bearer token verified with \`jwtKey\` + \`auth()\` (${CONNECTIONS} connections): requests/s`,
        result: formatNumber(protectedRoute.requestsPerSecond.median),
        spread: protectedRoute.requestsPerSecond,
      },
      {
        benchmark: NAME,
        measure: "protected route: p50 / p99",
        result: medianLatencies(protectedRoute.p50, protectedRoute.p99),
        spread: noisiest(protectedRoute.p50, protectedRoute.p99),
      },
      {
        benchmark: NAME,
        measure: "protected ÷ public throughput",
        result: formatPercent(ratio.median),
        target: { text: `≥ ${formatPercent(TARGET_RATIO)}`, met: ratio.median >= TARGET_RATIO },
        spread: ratio,
      },
      {
        benchmark: NAME,
        measure: "latency auth adds per request (p50)",
        result: `${addedP50.median >= 0 ? "+" : ""}${formatMs(addedP50.median)}`,
        spread: addedP50,
      },
    ];
    if (ratio.median < TARGET_RATIO) {
      ctx.note(
        `Auth overhead misses its target: the protected route serves ${formatPercent(ratio.median)} of the public route's requests/s. Both pay for the middleware (Clerk's \`clerkMiddleware\` in Next.js's Edge-runtime sandbox, which also AES-encrypts its options into a header for the handler); the protected one adds the RS256 check of the token with the \`jwtKey\`, an HMAC of the token on each side, decrypting those options and \`auth()\` in the handler. \`npm run bench -- --only auth --profile\` shows the split; \`npm run bench:auth\` times Clerk's verification alone.`,
      );
    }
    return rows;
  },
};

export default auth;

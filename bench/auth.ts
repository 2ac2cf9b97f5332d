/**
 * Auth overhead: what a real API request pays for everything around its query. The product's
 * `GET /api/v1/projects`, reached with a Bearer session token that Clerk's middleware verifies
 * networklessly (`jwtKey`) before the handler resolves the caller's organization and scopes the
 * query to it, against its framework ceiling in the bench's baseline app: the same first page of
 * the same organization's projects from the same database in one round trip, with no middleware
 * and no auth. The ratio of their throughputs is the price of auth and tenant scoping.
 */
import { expectResponse } from "./lib/check";
import { formatMs, formatNumber, formatPercent } from "./lib/report";
import { measureScenarios } from "./lib/scenarios";
import { DEMO_ADMIN } from "./lib/sessions";
import { medianOf } from "./lib/stats";
import { medianLatencies, noisiest } from "./lib/summaries";
import type { Benchmark, Row } from "./lib/types";

const PROTECTED_PATH = "/api/v1/projects";
const CEILING_PATH = `/api/projects?org=${DEMO_ADMIN.orgSlug}`;
const CONNECTIONS = 10;
const TARGET_RATIO = 0.85;
const NAME = "Auth overhead";

const auth: Benchmark = {
  name: "auth",
  async run(ctx) {
    const { baseUrl, sessions, baseline } = ctx.app;
    const json = { accept: "application/json" };
    const bearer = sessions.bearerHeaders(DEMO_ADMIN);
    // The demo organization's projects, on both sides: the same rows, read from the same database.
    const sameWork = ['"name":"Website relaunch"', '"name":"Customer onboarding checklist"'];
    await expectResponse(`${baseline.baseUrl}${CEILING_PATH}`, json, { status: 200, bodyIncludes: sameWork });
    await expectResponse(`${baseUrl}${PROTECTED_PATH}`, bearer, { status: 200, bodyIncludes: sameWork });
    // Otherwise the comparison would not include auth at all.
    await expectResponse(`${baseUrl}${PROTECTED_PATH}`, json, { status: 401 });

    const [ceiling, product] = await measureScenarios(ctx, [
      {
        name: "auth: framework ceiling",
        load: {
          url: baseline.baseUrl,
          requests: [{ path: CEILING_PATH, headers: json }],
          connections: CONNECTIONS,
        },
      },
      {
        name: "auth: GET /api/v1/projects",
        load: { requests: [{ path: PROTECTED_PATH, headers: bearer }], connections: CONNECTIONS },
      },
    ]);
    if (!ceiling || !product) throw new Error("both routes must have been measured");

    // Run i of each route ran back to back, so each pair saw the same machine.
    const ratio = medianOf(
      product.runs.map(
        (run, i) => run.requestsPerSecond / (ceiling.runs[i]?.requestsPerSecond ?? Number.NaN),
      ),
    );
    const addedP50 = medianOf(
      product.runs.map((run, i) => run.latencyMs.p50 - (ceiling.runs[i]?.latencyMs.p50 ?? Number.NaN)),
    );

    const rows: Row[] = [
      {
        benchmark: NAME,
        measure: `framework ceiling: the same page of projects, no middleware or auth (baseline app; ${CONNECTIONS} connections): requests/s`,
        result: formatNumber(ceiling.requestsPerSecond.median),
        spread: ceiling.requestsPerSecond,
      },
      {
        benchmark: NAME,
        measure: "framework ceiling: p50 / p99",
        result: medianLatencies(ceiling.p50, ceiling.p99),
        spread: noisiest(ceiling.p50, ceiling.p99),
      },
      {
        benchmark: NAME,
        measure: `\`GET ${PROTECTED_PATH}\`, Bearer token verified with \`jwtKey\`, tenant-scoped (${CONNECTIONS} connections): requests/s`,
        result: formatNumber(product.requestsPerSecond.median),
        spread: product.requestsPerSecond,
      },
      {
        benchmark: NAME,
        measure: `\`GET ${PROTECTED_PATH}\`: p50 / p99`,
        result: medianLatencies(product.p50, product.p99),
        spread: noisiest(product.p50, product.p99),
      },
      {
        benchmark: NAME,
        measure: "product ÷ framework ceiling throughput",
        result: formatPercent(ratio.median),
        target: { text: `≥ ${formatPercent(TARGET_RATIO)}`, met: ratio.median >= TARGET_RATIO },
        spread: ratio,
      },
      {
        benchmark: NAME,
        measure: "latency auth and tenant scoping add per request (p50)",
        result: `${addedP50.median >= 0 ? "+" : ""}${formatMs(addedP50.median)}`,
        spread: addedP50,
      },
    ];
    if (ratio.median < TARGET_RATIO) {
      ctx.note(
        `Auth overhead misses its target: \`GET ${PROTECTED_PATH}\` serves ${formatPercent(ratio.median)} of its framework ceiling's requests/s. The ceiling runs no middleware; the product runs Clerk's \`clerkMiddleware\` in Next.js's Edge-runtime sandbox (which also AES-encrypts its options into a header for the handler), the RS256 check of the token with the \`jwtKey\`, \`auth()\` in the handler, and the tenant-scoped transaction (\`set_config\` and the query under row-level security). \`npm run bench -- --only auth --profile\` shows the split; \`npm run bench:auth\` times Clerk's verification alone.`,
      );
    }
    return rows;
  },
};

export default auth;

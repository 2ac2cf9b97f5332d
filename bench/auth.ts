/**
 * Auth overhead: what a real API request pays for everything around its query. The product's
 * `GET /api/v1/projects`, reached with a Bearer session token that `apiRoute` verifies networklessly
 * (`jwtKey`; the REST API skips the middleware) before it resolves the caller's organization and
 * scopes the query to it, against its framework ceiling in the bench's baseline app: the same first page of
 * the same organization's projects (with task counts and creators' names: the same JSON, checked) from
 * the same database in one round trip, with no middleware and no auth. The ratio of their throughputs is the price of auth and tenant scoping.
 *
 * The same route with an organization API key, twice: with the server's 10-second cache of verified
 * keys warm (one key), and cold (every request carries a key the server has not seen in its cache
 * window, so it asks Clerk's Backend API — here the run's local stand-in, so the figure leaves out
 * the network round trip to api.clerk.com). The Backend API round trip per request is their difference.
 */

import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { createClerkClient } from "@clerk/backend";
import { CheckFailedError, expectResponse } from "./lib/check";
import { formatMs, formatNumber, formatPercent } from "./lib/report";
import type { ScenarioResult } from "./lib/scenarios";
import { measureScenarios } from "./lib/scenarios";
import { DEMO_ADMIN } from "./lib/sessions";
import { medianOf } from "./lib/stats";
import { medianLatencies, noisiest } from "./lib/summaries";
import type { Benchmark, Row } from "./lib/types";

const PROTECTED_PATH = "/api/v1/projects";
const CEILING_PATH = `/api/projects?org=${DEMO_ADMIN.orgSlug}`;
const CONNECTIONS = 10;
// More keys than the cold scenario sends in one cache window (10 s), so none is served from the cache.
const COLD_KEYS = 5000;
const COLD_KEY_REQUESTS = fileURLToPath(new URL("./api-key-requests.ts", import.meta.url));
const TARGET_RATIO = 0.5;
// What Clerk's networkless RS256 check of one session token costs in-process here (`npm run bench:auth`,
// `verifyToken`, p50; Clerk's whole `authenticateRequest` takes ~0.3 ms): the least an authenticated
// request can add to its ceiling's work.
const VERIFICATION_MS = 0.1;
const NAME = "Auth overhead";

const auth: Benchmark = {
  name: "auth",
  async run(ctx) {
    const { baseUrl, sessions, baseline } = ctx.app;
    const json = { accept: "application/json" };
    const bearer = sessions.bearerHeaders(DEMO_ADMIN);
    // The demo organization's projects, on both sides: the same rows, read from the same database, and
    // the same answer (task counts, creators' names), or the ceiling would not be the same work.
    const sameWork = ['"name":"Website relaunch"', '"name":"Customer onboarding checklist"'];
    const ceilingBody = await expectResponse(`${baseline.baseUrl}${CEILING_PATH}`, json, {
      status: 200,
      bodyIncludes: sameWork,
    });
    const productBody = await expectResponse(`${baseUrl}${PROTECTED_PATH}`, bearer, {
      status: 200,
      bodyIncludes: sameWork,
    });
    expectSameProjects(ceilingBody, productBody);
    // Otherwise the comparison would not include auth at all.
    await expectResponse(`${baseUrl}${PROTECTED_PATH}`, json, { status: 401 });
    const { clerkApi } = ctx.app;
    const [warmKey, ...coldKeys] = await createApiKeys(ctx.app.sessions.keys.secretKey, clerkApi.apiUrl);
    const keyHeaders = { ...json, authorization: `Bearer ${warmKey}` };
    await expectResponse(`${baseUrl}${PROTECTED_PATH}`, keyHeaders, { status: 200, bodyIncludes: sameWork });
    const verifications = () => clerkApi.requests.filter((line) => line === "POST /api_keys/verify").length;

    const [ceiling, product, warm, cold] = await measureScenarios(ctx, [
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
      {
        name: "auth: GET /api/v1/projects, API key (cache warm)",
        load: { requests: [{ path: PROTECTED_PATH, headers: keyHeaders }], connections: CONNECTIONS },
      },
      {
        name: "auth: GET /api/v1/projects, API key (cache cold: Backend API stand-in per request)",
        load: {
          requests: [],
          requestModule: { path: COLD_KEY_REQUESTS, options: { path: PROTECTED_PATH, secrets: coldKeys } },
          connections: CONNECTIONS,
        },
      },
    ]);
    if (!ceiling || !product || !warm || !cold) throw new Error("every scenario must have been measured");
    const coldRequests = cold.runs.reduce((sum, run) => sum + run.requests, 0);

    // Run i of each route ran back to back, so each pair saw the same machine.
    const ratio = medianOf(
      product.runs.map(
        (run, i) => run.requestsPerSecond / (ceiling.runs[i]?.requestsPerSecond ?? Number.NaN),
      ),
    );
    const addedP50 = medianOf(
      product.runs.map((run, i) => run.latencyMs.p50 - (ceiling.runs[i]?.latencyMs.p50 ?? Number.NaN)),
    );

    ctx.goal({
      key: "auth.protectedOverCeiling",
      figure: `protected API route ÷ its no-middleware ceiling, requests/s (${CONNECTIONS} connections)`,
      sides: `${formatNumber(product.requestsPerSecond.median)} ÷ ${formatNumber(ceiling.requestsPerSecond.median)} req/s`,
      value: ratio.median,
      result: ratio.median.toFixed(2),
      target: { text: `≥ ${TARGET_RATIO.toFixed(2)}`, met: ratio.median >= TARGET_RATIO },
      spread: ratio,
    });
    ctx.note(describeFloor(ceiling.requestsPerSecond.median, product.requestsPerSecond.median));
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
        spread: ratio,
      },
      {
        benchmark: NAME,
        measure: "latency auth and tenant scoping add per request (p50)",
        result: `${addedP50.median >= 0 ? "+" : ""}${formatMs(addedP50.median)}`,
        spread: addedP50,
      },
    ];
    rows.push(...apiKeyRows(product, warm, cold));
    // Warm-ups and checks ask too, so this only catches a cold scenario the cache served in part.
    if (verifications() < coldRequests) {
      ctx.note(
        `The cold API-key scenario was partly served from the server's cache: ${verifications()} Backend API verifications for ${coldRequests} measured requests. Raise COLD_KEYS in bench/auth.ts.`,
      );
    }
    if (ratio.median < TARGET_RATIO) {
      ctx.note(
        `Auth overhead misses its target: \`GET ${PROTECTED_PATH}\` serves ${formatPercent(ratio.median)} of its framework ceiling's requests/s. Neither side runs the middleware (the REST API skips it); the product runs the RS256 check of the token with the \`jwtKey\` in \`apiRoute\` (Clerk's \`verifyToken\`) and the tenant-scoped transaction (\`set_config\` and the query under row-level security). \`npm run bench -- --only auth --profile\` shows the split; \`npm run bench:auth\` times Clerk's verification alone.`,
      );
    }
    return rows;
  },
};

/** The ceiling's page and the product's hold the same projects, field for field (key order aside). */
function expectSameProjects(ceilingBody: string, productBody: string): void {
  const dataOf = (body: string) => (JSON.parse(body) as { data: unknown[] }).data;
  if (!isDeepStrictEqual(dataOf(ceilingBody), dataOf(productBody))) {
    throw new CheckFailedError(
      `the ceiling (${CEILING_PATH}) and ${PROTECTED_PATH} answer different projects: they must do the same work`,
    );
  }
}

/**
 * How far the protected route is from the floor of an authenticated request: the ceiling's work plus
 * one RS256 verification. CPU time per request is read as 1 ÷ requests/s, which holds while the
 * server's one event loop is the bottleneck (it is, at 10 connections here).
 */
function describeFloor(ceilingRps: number, productRps: number): string {
  const ceilingMs = 1000 / ceilingRps;
  const floorRps = 1000 / (ceilingMs + VERIFICATION_MS);
  const extraMs = 1000 / productRps - ceilingMs;
  return `The floor of an authenticated \`GET ${PROTECTED_PATH}\` is its ceiling's work plus one RS256 verification (~${VERIFICATION_MS} ms, \`npm run bench:auth\`): ${formatNumber(floorRps)} req/s, ${formatPercent(floorRps / ceilingRps)} of the ceiling. The product spends ${formatMs(extraMs)} per request over the ceiling, ${formatMs(Math.max(0, extraMs - VERIFICATION_MS))} of it beyond the verification: \`apiRoute\`'s work around it (the caller's organization and role, the tenant-scoped transaction: BEGIN, \`set_config\`, the query under row-level security, COMMIT — three statements more than the ceiling's one) — \`--only auth --profile\` splits it.`;
}

/** A warm key, then COLD_KEYS more, all of the demo admin's organization, made through Clerk's SDK. */
async function createApiKeys(secretKey: string, apiUrl: string): Promise<string[]> {
  const clerk = createClerkClient({ secretKey, apiUrl });
  const secrets: string[] = [];
  for (let made = 0; made <= COLD_KEYS; made += 100) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(100, COLD_KEYS + 1 - made) }, () =>
        clerk.apiKeys.create({ name: "bench", subject: DEMO_ADMIN.orgId ?? "", scopes: ["projects:read"] }),
      ),
    );
    secrets.push(...batch.map((key) => key.secret ?? ""));
  }
  return secrets;
}

function apiKeyRows(session: ScenarioResult, warm: ScenarioResult, cold: ScenarioResult): Row[] {
  // Per-request latency an API key adds over a session token, run by run (each pair saw the same machine).
  const overSession = (scenario: ScenarioResult) =>
    medianOf(
      scenario.runs.map((run, i) => run.latencyMs.p50 - (session.runs[i]?.latencyMs.p50 ?? Number.NaN)),
    );
  const added = (scenario: ScenarioResult) => {
    const delta = overSession(scenario).median;
    return `${delta >= 0 ? "+" : ""}${formatMs(delta)}`;
  };
  return [
    {
      benchmark: NAME,
      measure: `\`GET ${PROTECTED_PATH}\`, API key, verified by Clerk at most every 10 s (cache warm; ${CONNECTIONS} connections): requests/s`,
      result: formatNumber(warm.requestsPerSecond.median),
      spread: warm.requestsPerSecond,
    },
    {
      benchmark: NAME,
      measure: "API key, cache warm: p50 / p99; p50 added over a session token",
      result: `${medianLatencies(warm.p50, warm.p99)}; ${added(warm)}`,
      spread: noisiest(warm.p50, warm.p99),
    },
    {
      benchmark: NAME,
      measure: `\`GET ${PROTECTED_PATH}\`, API key, every request verified by the Backend API (local stand-in; cache cold): requests/s`,
      result: formatNumber(cold.requestsPerSecond.median),
      spread: cold.requestsPerSecond,
    },
    {
      benchmark: NAME,
      measure: "API key, cache cold: p50 / p99; p50 added over a session token",
      result: `${medianLatencies(cold.p50, cold.p99)}; ${added(cold)}`,
      spread: noisiest(cold.p50, cold.p99),
    },
  ];
}

export default auth;

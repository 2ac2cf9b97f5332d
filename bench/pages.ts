/**
 * Pages against their anchors, measured side by side: the organization dashboard (`/orgs/acme`)
 * opened by a signed-in admin — the middleware's verification and organization sync, the layouts' and
 * the page's auth checks, the database reads and the server render — against its framework ceiling
 * (the same reads rendered by a server component in the bench's baseline app, with no middleware and
 * no auth); and the landing page `/` against the same page served by the baseline app, with no
 * middleware and no `<ClerkProvider>`.
 *
 * Throughput under a closed loop of 10 connections: the server's one event loop is the bottleneck,
 * so requests/s measures CPU per request. Latency under load is `tail.ts`'s, at an open-loop rate.
 */
import { expectResponse } from "./lib/check";
import { formatNumber } from "./lib/report";
import type { ScenarioResult } from "./lib/scenarios";
import { measureScenarios } from "./lib/scenarios";
import { DEMO_ADMIN } from "./lib/sessions";
import { medianOf } from "./lib/stats";
import { medianLatencies, noisiest } from "./lib/summaries";
import type { Benchmark, Row } from "./lib/types";

const DASHBOARD_PATH = "/orgs/acme";
const LANDING_ANCHOR_PATH = "/landing";
const CONNECTIONS = 10;
const DASHBOARD_GOAL = 0.5;
const LANDING_GOAL = 0.95;
const NAME = "Pages";

const pages: Benchmark = {
  name: "pages",
  async run(ctx) {
    const { baseUrl, sessions, baseline } = ctx.app;
    const signedIn = sessions.browserHeaders(DEMO_ADMIN);
    const signedOut = sessions.signedOutBrowserHeaders();
    // The organization's name comes from the database, the member list from the data access
    // layer: a redirect, a 404 or an empty "not synced yet" page would not contain both.
    const dashboardContent = { status: 200, bodyIncludes: ["Acme Inc.", "bob@acme.example"] };
    await expectResponse(`${baseUrl}${DASHBOARD_PATH}`, signedIn, dashboardContent);
    await expectResponse(`${baseline.baseUrl}${DASHBOARD_PATH}`, signedOut, dashboardContent);
    // The same page on both sides: the product's first heading is in the anchor's HTML too.
    const landingHtml = await expectResponse(`${baseUrl}/`, signedOut, { status: 200 });
    const heading = /<h1[^>]*>([^<]+)<\/h1>/.exec(landingHtml)?.[1] ?? "<h1> of the product's landing page";
    await expectResponse(`${baseline.baseUrl}${LANDING_ANCHOR_PATH}`, signedOut, {
      status: 200,
      bodyIncludes: [heading],
    });

    const load = (path: string, headers: Record<string, string>, url?: string) => ({
      ...(url ? { url } : {}),
      requests: [{ path, headers }],
      connections: CONNECTIONS,
    });
    const [dashboard, ceiling, landing, landingAnchor] = await measureScenarios(ctx, [
      { name: "pages: dashboard", load: load(DASHBOARD_PATH, signedIn) },
      {
        name: "pages: dashboard's framework ceiling",
        load: load(DASHBOARD_PATH, signedOut, baseline.baseUrl),
      },
      { name: "pages: landing", load: load("/", signedOut) },
      { name: "pages: landing, no middleware", load: load(LANDING_ANCHOR_PATH, signedOut, baseline.baseUrl) },
    ]);
    if (!dashboard || !ceiling || !landing || !landingAnchor) {
      throw new Error("every page must have been measured");
    }

    const dashboardRatio = pairedRatio(dashboard, ceiling);
    ctx.goal({
      key: "pages.dashboardOverCeiling",
      figure: `signed-in dashboard ÷ its no-auth ceiling page, requests/s (${CONNECTIONS} connections)`,
      sides: `${formatNumber(dashboard.requestsPerSecond.median)} ÷ ${formatNumber(ceiling.requestsPerSecond.median)} req/s`,
      value: dashboardRatio.median,
      result: dashboardRatio.median.toFixed(2),
      target: { text: `≥ ${DASHBOARD_GOAL.toFixed(2)}`, met: dashboardRatio.median >= DASHBOARD_GOAL },
      spread: dashboardRatio,
    });
    const landingRatio = pairedRatio(landing, landingAnchor);
    ctx.goal({
      key: "pages.landingOverCeiling",
      figure: `landing page ÷ the same page with no middleware, requests/s (${CONNECTIONS} connections)`,
      sides: `${formatNumber(landing.requestsPerSecond.median)} ÷ ${formatNumber(landingAnchor.requestsPerSecond.median)} req/s`,
      value: landingRatio.median,
      result: landingRatio.median.toFixed(2),
      target: { text: `≥ ${LANDING_GOAL.toFixed(2)}`, met: landingRatio.median >= LANDING_GOAL },
      spread: landingRatio,
    });

    return [
      ...throughputRows(`dashboard ${DASHBOARD_PATH}, signed in as an admin`, dashboard),
      ...throughputRows(
        "framework ceiling: the same reads rendered by a server component, no middleware or auth (baseline app)",
        ceiling,
      ),
      ...throughputRows("landing page `/` (prerendered, signed out)", landing),
      ...throughputRows(
        `the same landing page with no middleware and no \`<ClerkProvider>\` (baseline app \`${LANDING_ANCHOR_PATH}\`)`,
        landingAnchor,
      ),
    ];
  },
};

/** The ratio of runs made back to back (run i of each saw the same stretch of the machine). */
function pairedRatio(ours: ScenarioResult, anchor: ScenarioResult) {
  return medianOf(
    ours.runs.map((run, i) => run.requestsPerSecond / (anchor.runs[i]?.requestsPerSecond ?? Number.NaN)),
  );
}

function throughputRows(what: string, result: ScenarioResult): Row[] {
  return [
    {
      benchmark: NAME,
      measure: `${what} (${CONNECTIONS} connections): requests/s`,
      result: formatNumber(result.requestsPerSecond.median),
      spread: result.requestsPerSecond,
    },
    {
      benchmark: NAME,
      measure: `${what}: p50 / p99`,
      result: medianLatencies(result.p50, result.p99),
      spread: noisiest(result.p50, result.p99),
    },
  ];
}

export default pages;

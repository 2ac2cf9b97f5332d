/**
 * Bundle: the JavaScript a browser downloads to open the landing page, the dashboard and the
 * projects page, from the production build's manifests (see lib/first-load-js.ts), plus what
 * `<ClerkProvider>` loads from Clerk's CDN, which no build output shows; beside them, a bare App
 * Router page of the same Next.js version (the bench's baseline app), the least any page ships.
 */

import { firstLoadJs, type RouteBundle } from "../tests/support/first-load-js";
import { clerkScriptsIn, measureCdnScripts, readableFailure } from "./lib/clerk-browser-sdk";
import { formatKb } from "./lib/report";
import type { BenchContext, Benchmark, Row } from "./lib/types";

const NAME = "Bundle";

// The landing page's goal is relative: at most this much over the bare page (no Clerk on marketing pages).
const LANDING_OVER_BARE_KB = 8;

const ROUTES: ReadonlyArray<{ label: string; route: string; maxKb?: number }> = [
  // Read against the bare page (the goal above), not a fixed size: the runtime alone is ~133 kB.
  { label: "landing page `/`", route: "/" },
  { label: "dashboard `/orgs/[slug]`", route: "/orgs/[slug]", maxKb: 250 },
  { label: "projects `/orgs/[slug]/projects`", route: "/orgs/[slug]/projects", maxKb: 250 },
];

const bundle: Benchmark = {
  name: "bundle",
  async run(ctx) {
    const rows: Row[] = [];
    for (const { label, route, maxKb } of ROUTES) {
      const measured = firstLoadJs(ctx.app.build.distDir, route);
      if (!measured) {
        rows.push({ benchmark: NAME, measure: `First Load JS, ${label}`, result: "not in this build" });
        continue;
      }
      if (measured.disagreement) ctx.note(`First Load JS of ${route}: ${measured.disagreement}.`);
      const met = maxKb === undefined || measured.gzipBytes <= maxKb * 1000;
      rows.push({
        benchmark: NAME,
        measure: `First Load JS, ${label}`,
        result: `${formatKb(measured.gzipBytes)} (runtime ${formatKb(measured.sharedGzipBytes)} + route ${formatKb(measured.gzipBytes - measured.sharedGzipBytes)})`,
        ...(maxKb === undefined ? {} : { target: { text: `≤ ${maxKb} kB`, met } }),
      });
      if (maxKb !== undefined && !met) ctx.note(describeLargestChunks(measured, maxKb));
    }
    rows.push(barePageRow(ctx));
    landingGoal(ctx);
    rows.push(await clerkCdnRow(ctx));
    return rows;
  },
};

function barePageRow(ctx: BenchContext): Row {
  const measure = "First Load JS, bare App Router page (baseline app `/`)";
  const measured = firstLoadJs(ctx.app.baseline.build.distDir, "/");
  if (!measured) return { benchmark: NAME, measure, result: "not in this build" };
  return { benchmark: NAME, measure, result: formatKb(measured.gzipBytes) };
}

function landingGoal(ctx: BenchContext): void {
  const landing = firstLoadJs(ctx.app.build.distDir, "/");
  const bare = firstLoadJs(ctx.app.baseline.build.distDir, "/");
  if (!landing || !bare) return;
  const [landingKb, bareKb] = [landing.gzipBytes / 1000, bare.gzipBytes / 1000];
  ctx.figure("bundle.landingKb", landingKb);
  ctx.figure("bundle.barePageKb", bareKb);
  const overKb = landingKb - bareKb;
  ctx.goal({
    key: "bundle.landingOverBareKb",
    figure: "landing First Load JS − the bare App Router page's",
    sides: `${formatKb(landing.gzipBytes)} − ${formatKb(bare.gzipBytes)}`,
    value: overKb,
    result: `${overKb.toFixed(1)} kB`,
    target: {
      text: `≤ ${LANDING_OVER_BARE_KB} kB: no Clerk on marketing pages`,
      met: overKb <= LANDING_OVER_BARE_KB,
    },
  });
}

function describeLargestChunks(measured: RouteBundle, maxKb: number): string {
  const largest = measured.chunks
    .slice(0, 4)
    .map(
      (chunk) =>
        `${chunk.file.split("/").pop()} ${formatKb(chunk.gzipBytes)}${chunk.shared ? " (runtime)" : ""}`,
    )
    .join(", ");
  return `First Load JS of \`${measured.route}\` is ${formatKb(measured.gzipBytes)}, over ${maxKb} kB: ${formatKb(measured.sharedGzipBytes)} of it is the runtime every page loads (Next.js, React, Turbopack's loader); largest chunks: ${largest}. \`npx next analyze\` shows the modules inside each chunk.`;
}

async function clerkCdnRow(ctx: BenchContext): Promise<Row> {
  const measure =
    "Clerk's browser SDK from Clerk's CDN, on top (every page under `<ClerkProvider>`: the app and sign-in, not the landing page)";
  // The sign-in page: the first page under `<ClerkProvider>` a signed-out visitor opens.
  const html = await (
    await fetch(`${ctx.app.baseUrl}/sign-in`, { headers: ctx.app.sessions.signedOutBrowserHeaders() })
  ).text();
  const scripts = clerkScriptsIn(html);
  if (scripts.length === 0)
    return { benchmark: NAME, measure, result: "none: the sign-in page loads no Clerk script" };
  try {
    const measured = measureCdnScripts(scripts);
    const total = measured.reduce((sum, script) => sum + script.gzipBytes, 0);
    const parts = measured.map(
      (script) => `${script.file.split("/").pop()} ${script.version} ${formatKb(script.gzipBytes)}`,
    );
    return {
      benchmark: NAME,
      measure,
      result: `+${formatKb(total)} (${parts.join(", ")}; components load more on demand)`,
    };
  } catch (error) {
    return { benchmark: NAME, measure, result: `not measured: ${readableFailure(error)}` };
  }
}

export default bundle;

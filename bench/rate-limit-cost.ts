/**
 * What a rate limit costs per request, in process: a trivial handler called with and without
 * `limiter.consume(caller)` in front, against a real PostgreSQL (embedded, migrated, as `app_user`).
 * Requests/s are the median of 3 runs (after a warm-up), 8 requests in flight, fresh callers per run.
 *
 *     npx tsx --conditions=react-server bench/rate-limit-cost.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { enableLocalAppRole } from "../scripts/lib/app-role";
import { findFreePort, startEmbeddedPostgres } from "../scripts/lib/embedded-postgres";
import { deployMigrations } from "../scripts/lib/migrations";
import { medianOf } from "./lib/stats";

const REQUESTS = 20_000;
const IN_FLIGHT = 8;
const CALLERS = 200;
const RUNS = 3;

const dataDir = mkdtempSync(path.join(tmpdir(), "rate-limit-cost-"));
const postgres = await startEmbeddedPostgres({
  dataDir,
  port: await findFreePort(),
  database: "app",
  persistent: false,
});
try {
  await deployMigrations(postgres.url);
  process.env.DATABASE_URL = await enableLocalAppRole(postgres.url);
  const { createRateLimiter } = await import("../server/rate-limit/limiter");
  const { createRateLimitPool } = await import("../server/rate-limit/store");
  const pool = createRateLimitPool(process.env.DATABASE_URL);
  const handler = async () => new Response("ok");

  type Scenario = { name: string; request: (run: number, index: number) => Promise<unknown> };
  const limited = (name: string, perMinute: number, batch: number | undefined, callers: number): Scenario => {
    const limiter = createRateLimiter({ name, perMinute, batch, pool });
    return {
      name,
      request: async (run, index) => {
        await limiter.consume(`run${run}:caller${index % callers}`).catch(() => undefined);
        return handler();
      },
    };
  };
  const scenarios: Scenario[] = [
    { name: "no limit", request: () => handler() },
    limited(`600/min, batch 60 (default), ${CALLERS} callers within the limit`, 600, undefined, CALLERS),
    limited(`600/min, batch 1 (a round trip per request), ${CALLERS} callers`, 600, 1, CALLERS),
    limited("10/min, one caller far over the limit (refused from memory)", 10, undefined, 1),
  ];

  const rows: string[] = [];
  let baseline = 0;
  for (const scenario of scenarios) {
    const rates: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const rate = await requestsPerSecond((index) => scenario.request(run, index));
      if (run > 0) rates.push(rate); // run 0 warms up
    }
    const { median, cv } = medianOf(rates);
    if (scenario.name === "no limit") baseline = median;
    const added = scenario.name === "no limit" ? "" : `${((1 / median - 1 / baseline) * 1e6).toFixed(1)} µs`;
    rows.push(`| ${scenario.name} | ${Math.round(median)} | ${(cv * 100).toFixed(1)} % | ${added} |`);
  }
  console.log("| scenario | requests/s (median) | CV | added per request |\n|---|---|---|---|");
  console.log(rows.join("\n"));
  await pool.end();
} finally {
  await postgres.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

async function requestsPerSecond(request: (index: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < REQUESTS) await request(next++);
    }),
  );
  return REQUESTS / ((performance.now() - started) / 1000);
}

/**
 * `npm run bench:webhooks`: sustained deliveries per second and latency (p50/p99) of the Clerk
 * webhook endpoint against a production build (`next build` + `next start`) on an embedded
 * PostgreSQL, with 16 concurrent senders over 5,000 signed deliveries of a realistic Clerk history
 * (10% of them duplicates, order shuffled locally as Svix's best-effort order does), beside a naive
 * handler (verify + one plain insert) served by the bench's baseline app on the same database, and
 * the endpoint refusing a wrong signature (the framework's own ceiling). Rounds alternate the order and medians are reported,
 * because the machine may be shared and noisy. After each round of ours, the tables are compared row
 * by row with what Clerk ended up holding.
 *
 * The servers are the shared ones of `npm run bench` (bench/lib/app.ts: builds reused when current,
 * Clerk configured); everything goes over HTTP. Options: --rounds N (default 3), --events N (default
 * 5000), --senders N (default 16).
 */
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { seededRandom, simulateClerkHistory } from "../tests/support/clerk-history";
import { newSigningSecret } from "../tests/support/svix-signing";
import { readSyncedTables as readTables } from "../tests/support/synced-tables";
import { type BenchApp, startBenchApp } from "./lib/app";
import { sendConcurrently } from "./lib/load";
import { countWrongRows, planDeliveries } from "./lib/plan";
import { medianOf, percentile } from "./lib/stats";
import { clearTables, countLedgerRows } from "./lib/synced-rows";

export interface WebhookBenchRow {
  handler: Handler;
  /** 1…N, or "median" for the summary rows. */
  round: number | "median";
  deliveries: number;
  deliveriesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Deliveries not answered 2xx: each would be retried by Svix. */
  non2xx: number;
  /** Rows that differ from Clerk's final state, for ours; the naive handler does not sync tables. */
  wrongRows: number | null;
}

export interface WebhookBenchResult {
  rows: WebhookBenchRow[];
}

export interface WebhookBenchOptions {
  /** A running benchmark app to use (`ctx.app` in `npm run bench`); default: start one, stop it after. */
  app?: BenchApp;
  rounds?: number;
  events?: number;
  senders?: number;
  log?: (line: string) => void;
}

const DUPLICATE_SHARE = 0.1;

const OURS = "order-safe sync (ours)";
const NAIVE = "naive insert";
// Same endpoint, wrong secret: every delivery is refused after reading and verifying, before the
// database. The framework's ceiling on this machine at this moment, to read the other rows against.
const CEILING = "ceiling: refused before the database";
type Handler = typeof OURS | typeof NAIVE | typeof CEILING;

export async function benchWebhooks(options: WebhookBenchOptions = {}): Promise<WebhookBenchResult> {
  const { rounds = 3, events = 5000, senders = 16, log = () => {} } = options;
  const uniqueEvents = Math.round(events * (1 - DUPLICATE_SHARE));
  const history = simulateClerkHistory(20261122, uniqueEvents, "b");
  const deliveries = planDeliveries(history, events - uniqueEvents, seededRandom(7));
  const warmUp = simulateClerkHistory(1, 300, "w");
  if (!options.app) log("▸ Starting next start, the baseline app and embedded PostgreSQL…");
  const server = options.app ?? (await startBenchApp({ log }));
  const secret = server.webhookSigningSecret;
  const targets: Record<Handler, { url: string; secret: string }> = {
    [OURS]: { url: `${server.baseUrl}/api/webhooks/clerk`, secret },
    [NAIVE]: { url: `${server.baseline.baseUrl}/api/webhooks/naive`, secret },
    [CEILING]: { url: `${server.baseUrl}/api/webhooks/clerk`, secret: newSigningSecret() },
  };
  const handlers = Object.keys(targets) as Handler[];
  const rows: WebhookBenchRow[] = [];
  try {
    for (const { url } of Object.values(targets)) await sendConcurrently(url, secret, warmUp.events, senders);

    for (let round = 1; round <= rounds; round++) {
      // Alternate the order so neither handler always runs on a warmer (or busier) machine.
      const order = round % 2 === 1 ? handlers : [...handlers].reverse();
      for (const handler of order) {
        await clearTables(server.databaseUrl);
        log(`▸ Round ${round}/${rounds}: ${handler}, ${deliveries.length} deliveries, ${senders} senders…`);
        const { url, secret: signingSecret } = targets[handler];
        const result = await sendConcurrently(url, signingSecret, deliveries, senders);
        const non2xx = [...result.statuses]
          .filter(([status]) => status >= 300)
          .reduce((sum, [, count]) => sum + count, 0);
        let wrongRows: number | null = null;
        if (handler === OURS) {
          wrongRows = countWrongRows(await readTables(server.databaseUrl), history.expected);
          const ledger = await countLedgerRows(server.databaseUrl);
          if (ledger !== uniqueEvents) wrongRows += Math.abs(ledger - uniqueEvents);
        }
        rows.push({
          handler,
          round,
          deliveries: deliveries.length,
          deliveriesPerSecond: deliveries.length / result.seconds,
          p50Ms: percentile(result.latenciesMs, 50),
          p99Ms: percentile(result.latenciesMs, 99),
          non2xx,
          wrongRows,
        });
      }
    }
  } finally {
    if (!options.app) await server.stop();
  }
  for (const handler of handlers) {
    const mine = rows.filter((row) => row.handler === handler);
    rows.push({
      handler,
      round: "median",
      deliveries: deliveries.length,
      deliveriesPerSecond: medianOf(mine.map((row) => row.deliveriesPerSecond)).median,
      p50Ms: medianOf(mine.map((row) => row.p50Ms)).median,
      p99Ms: medianOf(mine.map((row) => row.p99Ms)).median,
      non2xx: Math.max(...mine.map((row) => row.non2xx)),
      wrongRows: handler === OURS ? Math.max(...mine.map((row) => row.wrongRows ?? 0)) : null,
    });
  }
  return { rows };
}

export function formatWebhookBench({ rows }: WebhookBenchResult): string {
  const fixed = (value: number, digits = 1) => value.toFixed(digits);
  const lines = [
    "| handler | round | deliveries | deliveries/s | p50 ms | p99 ms | non-2xx | wrong rows |",
    "|---|---|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      (row) =>
        `| ${row.handler} | ${row.round} | ${row.deliveries} | ${fixed(row.deliveriesPerSecond, 0)} | ${fixed(row.p50Ms)} | ${fixed(row.p99Ms)} | ${row.non2xx} | ${row.wrongRows ?? "n/a"} |`,
    ),
  ];
  const ours = rows.find((row) => row.round === "median" && row.handler === OURS);
  const naive = rows.find((row) => row.round === "median" && row.handler === NAIVE);
  if (ours && naive) {
    lines.push(
      "",
      `Ours vs naive (medians): ${fixed(ours.deliveriesPerSecond / naive.deliveriesPerSecond, 2)}× the throughput, ` +
        `${fixed(ours.p99Ms / naive.p99Ms, 2)}× the p99 latency.`,
    );
  }
  return lines.join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: {
      rounds: { type: "string" },
      events: { type: "string" },
      senders: { type: "string" },
    },
  });
  benchWebhooks({
    rounds: values.rounds ? Number(values.rounds) : undefined,
    events: values.events ? Number(values.events) : undefined,
    senders: values.senders ? Number(values.senders) : undefined,
    log: (line) => console.error(line),
  })
    .then((result) => console.log(`\n${formatWebhookBench(result)}`))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}

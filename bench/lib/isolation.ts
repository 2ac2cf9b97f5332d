/**
 * Why advisory locks under READ COMMITTED, measured: the same deliveries applied straight to
 * PostgreSQL (no HTTP) by 16 concurrent workers through the same transaction body, once as the app
 * does it and once under SERIALIZABLE with the retry loop that isolation level requires.
 * The handlers keep their advisory locks in both modes, so the SERIALIZABLE retries counted here are
 * a lower bound of what it would cost without them.
 */
import type { SyncedTables } from "../../tests/support/clerk-history";
import { readSyncedTables as readTables } from "../../tests/support/synced-tables";
import type { Delivery } from "./load";
import { medianOf, percentile } from "./stats";
import { clearTables } from "./synced-rows";

export interface IsolationRow {
  mode: string;
  deliveriesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  retries: number;
  failed: number;
  tables: SyncedTables;
}

const MAX_ATTEMPTS = 20;

export async function compareIsolation(
  databaseUrl: string,
  deliveries: readonly Delivery[],
  senders: number,
  { reversed = false }: { reversed?: boolean } = {},
): Promise<IsolationRow[]> {
  // server/ modules read DATABASE_URL when first imported.
  process.env.DATABASE_URL = databaseUrl;
  const { createPrismaClient } = await import("../../server/db");
  const { applyDelivery, prepareEvent } = await import("../../server/webhooks/clerk/dispatch");
  const db = createPrismaClient(databaseUrl);

  const prepared = deliveries.map((delivery) => {
    const { type, data } = JSON.parse(delivery.body) as { type: string; data: unknown };
    const preparation = prepareEvent(type, data);
    if (!preparation?.ok) throw new Error(`bench delivery ${delivery.svixId} is not a handled, valid event`);
    return { svixId: delivery.svixId, type, apply: preparation.apply };
  });

  const run = async (
    mode: string,
    isolationLevel: "ReadCommitted" | "Serializable",
  ): Promise<IsolationRow> => {
    await clearTables(databaseUrl);
    const latencies: number[] = [];
    let retries = 0;
    let failed = 0;
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < prepared.length; index = next++) {
        const { svixId, type, apply } = prepared[index] as (typeof prepared)[number];
        const started = performance.now();
        for (let attempt = 1; ; attempt++) {
          try {
            await db.$transaction((tx) => applyDelivery(tx, svixId, type, apply), {
              isolationLevel,
              maxWait: 10_000,
              timeout: 20_000,
            });
            break;
          } catch (error) {
            if (attempt < MAX_ATTEMPTS && isRetryable(error)) {
              retries += 1;
              continue;
            }
            failed += 1;
            break;
          }
        }
        latencies.push(performance.now() - started);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: senders }, worker));
    const seconds = (performance.now() - started) / 1000;
    return {
      mode,
      deliveriesPerSecond: prepared.length / seconds,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      retries,
      failed,
      tables: await readTables(databaseUrl),
    };
  };

  try {
    const modes = [
      () => run("READ COMMITTED + advisory locks (ours)", "ReadCommitted"),
      () => run("SERIALIZABLE + retry", "Serializable"),
    ];
    const results: IsolationRow[] = [];
    for (const mode of reversed ? modes.reverse() : modes) results.push(await mode());
    return results.sort((a, b) => a.mode.localeCompare(b.mode));
  } finally {
    await db.$disconnect();
  }
}

/** Serialization failures and deadlocks: the errors a SERIALIZABLE transaction must be retried on. */
function isRetryable(error: unknown): boolean {
  const text = `${(error as { code?: unknown })?.code ?? ""} ${error instanceof Error ? error.message : ""}`;
  return /P2034|40001|40P01|TransactionWriteConflict|could not serialize|deadlock/i.test(text);
}

export type IsolationSummary = Omit<IsolationRow, "tables"> & { wrongRows: number };

/** One row per mode: medians over the rounds, and the worst count of failures and wrong rows. */
export function mediansOfRounds(rounds: ReadonlyArray<readonly IsolationSummary[]>): IsolationSummary[] {
  return (rounds[0] ?? []).map((first, index) => {
    const same = rounds.map((round) => round[index] ?? first);
    return {
      mode: first.mode,
      deliveriesPerSecond: medianOf(same.map((row) => row.deliveriesPerSecond)).median,
      p50Ms: medianOf(same.map((row) => row.p50Ms)).median,
      p99Ms: medianOf(same.map((row) => row.p99Ms)).median,
      retries: medianOf(same.map((row) => row.retries)).median,
      failed: Math.max(...same.map((row) => row.failed)),
      wrongRows: Math.max(...same.map((row) => row.wrongRows)),
    };
  });
}

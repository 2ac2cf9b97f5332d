import "server-only";
import type { Pool } from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { RateLimitedError } from "@/lib/failure";

// Created by prisma/migrations/*_rate_limits (the app role has no DDL), hence `tableCreated: true`.
const RATE_LIMIT_TABLE = "rate_limits";

export interface RateLimiterOptions {
  /** Names the limit in the shared table's keys and in log lines: `api`, `actions`, … */
  name: string;
  perMinute: number;
  /** The shared store (`server/rate-limit/store.ts`); every instance on the same database shares one budget. */
  pool: Pool;
  /**
   * Points taken from the shared store at a time: this instance spends them in memory before it asks
   * again, so a caller costs one round trip per `batch` requests. Default: a tenth of the limit.
   */
  batch?: number;
}

export interface RateLimiter {
  /** Counts one request of `key`; throws `RateLimitedError` (429 + Retry-After) over the limit. */
  consume(key: string): Promise<void>;
}

const WINDOW_SECONDS = 60;

/**
 * A per-minute limit kept in PostgreSQL (rate-limiter-flexible's `RateLimiterPostgres`), so every app
 * instance shares it, with two in-memory fronts so most requests never reach the database:
 * - the library's in-memory block: once a key has spent the limit, this instance refuses it from
 *   memory until the window ends (`inMemoryBlockOnConsumed`);
 * - batched counting, the library's "consume with periodic sync" recipe done as a reservation: the
 *   store is asked for `batch` points at once and a local `RateLimiterMemory` spends them. Taking
 *   points before spending them keeps the limit strict across instances (an instance's unspent
 *   reservation only makes the others refuse a little early, never allows more than the limit).
 * The limiter fails open: when the store cannot answer, the request passes and one line is logged
 * per outage — a database blip must not turn into 429s (the request itself then meets the 503 path).
 */
export function createRateLimiter({ name, perMinute, pool, batch }: RateLimiterOptions): RateLimiter {
  const points = perMinute;
  const reservation = Math.min(points, Math.max(1, batch ?? Math.floor(points / 10)));
  const store = new RateLimiterPostgres({
    storeClient: pool,
    storeType: "pool",
    tableName: RATE_LIMIT_TABLE,
    tableCreated: true,
    keyPrefix: name,
    points,
    duration: WINDOW_SECONDS,
    inMemoryBlockOnConsumed: points,
  });
  const local = new RateLimiterMemory({ keyPrefix: name, points: reservation, duration: WINDOW_SECONDS });
  let storeFailing = false;

  async function reserve(key: string): Promise<void> {
    try {
      const taken = await store.consume(key, reservation);
      storeFailing = false;
      await local.set(key, 1, secondsOf(taken.msBeforeNext));
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) {
        failOpen(rejection);
        // Spend a batch from memory before trying the store again, so an outage costs no round trip per request.
        await local.set(key, 1, WINDOW_SECONDS);
        return;
      }
      // The reservation that crossed the limit still holds what was left below it.
      const left = rejection.consumedPoints > points ? points - (rejection.consumedPoints - reservation) : 0;
      if (left > 0) {
        await local.set(key, reservation - left + 1, secondsOf(rejection.msBeforeNext));
        return;
      }
      await local.block(key, secondsOf(rejection.msBeforeNext));
      throw new RateLimitedError(secondsOf(rejection.msBeforeNext));
    }
  }

  function failOpen(error: unknown): void {
    if (storeFailing) return;
    storeFailing = true;
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`rate limit "${name}": store unavailable (${reason}); letting requests through`);
  }

  async function spend(key: string): Promise<void> {
    try {
      const spent = await local.consume(key);
      // The first point of a fresh local window: this instance holds no reservation for the key yet.
      if (!spent.isFirstInDuration) return;
    } catch {
      // This instance's reservation is spent (or the key is blocked here): ask the store.
    }
    await reserve(key);
  }

  // One caller's requests take their turn on this instance (in-memory work, plus a round trip once per
  // batch): requests arriving at once would otherwise spend a reservation before the store granted it.
  const turns = new Map<string, Promise<void>>();

  return {
    consume(key) {
      const turn = (turns.get(key) ?? Promise.resolve()).catch(() => undefined).then(() => spend(key));
      turns.set(key, turn);
      void turn
        .catch(() => undefined)
        .then(() => {
          if (turns.get(key) === turn) turns.delete(key);
        });
      return turn;
    },
  };
}

function secondsOf(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

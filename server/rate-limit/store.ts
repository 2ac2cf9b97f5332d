import "server-only";
import { Pool } from "pg";
import { env } from "../env";

/**
 * The rate limits' own small pool on DATABASE_URL (the app's role): rate-limiter-flexible talks to
 * `pg` directly, and its counting must not wait behind the app's queries for a Prisma connection.
 * Short timeouts, because the limiter fails open: a slow store lets the request through instead of
 * holding it.
 */
export function createRateLimitPool(databaseUrl: string): Pool {
  const pool = new Pool({
    connectionString: databaseUrl,
    max: 4,
    connectionTimeoutMillis: 1_000,
    query_timeout: 1_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection the server closed (restart, failover) must not crash the process; the next
  // query reconnects or fails open.
  pool.on("error", (error) => console.error(`rate limit store: idle connection lost (${error.message})`));
  return pool;
}

// `next dev` re-evaluates modules on every change; keep one pool per process.
const globalForRateLimits = globalThis as unknown as { rateLimitPool?: Pool };

export function rateLimitPool(): Pool {
  globalForRateLimits.rateLimitPool ??= createRateLimitPool(env.databaseUrl);
  return globalForRateLimits.rateLimitPool;
}

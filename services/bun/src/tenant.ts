/** The one way into tenant tables: a transaction whose `app.org_id` is the caller's organization. */
import { readFileSync } from "node:fs";
import pg from "pg";
import { notFound } from "./errors";
import { SHARED_DIR } from "./permissions";

const ENTER_ORGANIZATION = readFileSync(new URL("enter-organization.sql", SHARED_DIR), "utf8");
const HEALTH_TIMEOUT_MS = 2_000;
/** How long a request waits for a connection before it is answered 503. */
const CONNECTION_TIMEOUT_MS = 5_000;

export interface Tenant {
  /** `organizations.id`, or null when the organization has not been synced yet (it then has no rows). */
  organizationId: string | null;
  client: pg.PoolClient;
}

export function createPool(databaseUrl: string): pg.Pool {
  return new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    connectionTimeoutMillis: CONNECTION_TIMEOUT_MS,
  });
}

/** Runs `work` in a transaction that row-level security scopes to one organization, filtered or not. */
export async function inTenant<T>(
  pool: pg.Pool,
  clerkOrgId: string,
  work: (tenant: Tenant) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ id: string; deleted: boolean }>(ENTER_ORGANIZATION, [clerkOrgId]);
    // A deleted organization's rows stay for the audit trail but are unreachable.
    if (rows[0]?.deleted) throw notFound("Organization");
    const result = await work({ organizationId: rows[0]?.id ?? null, client });
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

export async function isReachable(pool: pg.Pool): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("database check timed out")), HEALTH_TIMEOUT_MS);
  });
  try {
    await Promise.race([pool.query("SELECT 1"), timeout]);
    return true;
  } catch {
    // The reason (host, credentials) stays out of a public response.
    return false;
  } finally {
    clearTimeout(timer);
  }
}

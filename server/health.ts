import "server-only";
import { db } from "./db";

const DATABASE_CHECK_TIMEOUT_MS = 2_000;

export type HealthReport =
  | { status: "ok"; database: "reachable" }
  | { status: "degraded"; database: "unreachable" };

/** Whether the app can serve requests: today that means "the database answers a query in time". */
export async function checkHealth(): Promise<HealthReport> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("database check timed out")), DATABASE_CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
    return { status: "ok", database: "reachable" };
  } catch {
    // The reason (host, credentials) stays out of a public response; the database's own logs have it.
    return { status: "degraded", database: "unreachable" };
  } finally {
    clearTimeout(timer);
  }
}

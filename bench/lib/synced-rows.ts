/** The benchmark's own table chores over plain `pg` (bench code stays outside `server/`). */
import { withClient } from "../../tests/support/synced-tables";

export function clearTables(databaseUrl: string): Promise<void> {
  return withClient(databaseUrl, async (client) => {
    // CASCADE: the product's tenant tables (projects, tasks, audit events) reference organizations.
    await client.query("TRUNCATE memberships, users, organizations, webhook_events CASCADE");
  });
}

export function countLedgerRows(databaseUrl: string): Promise<number> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ count: string }>("SELECT count(*) FROM webhook_events");
    return Number(rows[0]?.count ?? 0);
  });
}

/**
 * What the "pooled" project's other files run behind: PgBouncer in transaction mode, where a server
 * connection belongs to a client only for one transaction. These tests prove the pooler is really
 * there and really pools per transaction — so the tenant-isolation and webhook files passing beside
 * them means per-transaction `set_config` and transaction-scoped advisory locks are safe behind it.
 */
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";

const clients: pg.Client[] = [];

async function connectThroughPooler(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  clients.push(client);
  return client;
}

async function inTransaction<T>(client: pg.Client, sql: string): Promise<T> {
  await client.query("BEGIN");
  const { rows } = await client.query(sql);
  await client.query("COMMIT");
  return rows[0] as T;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.end()));
});

describe("the app's connections in the pooled project", () => {
  it("reach PostgreSQL through a proxy on another port", async () => {
    const client = await connectThroughPooler();
    const { port } = await inTransaction<{ port: number }>(client, "SELECT inet_server_port() AS port");
    expect(port).not.toBe(Number(new URL(process.env.DATABASE_URL as string).port));
  });

  it("hand one server connection to two clients in turn (transaction pooling, not session pooling)", async () => {
    const first = await connectThroughPooler();
    const second = await connectThroughPooler();
    const { pid: firstPid } = await inTransaction<{ pid: number }>(first, "SELECT pg_backend_pid() AS pid");
    // `first` is still connected: in session mode `second` would need a server connection of its own.
    const { pid: secondPid } = await inTransaction<{ pid: number }>(second, "SELECT pg_backend_pid() AS pid");
    expect(secondPid).toBe(firstPid);
  });

  it("lets a session-level setting reach the next client, which is why the app sets app.org_id per transaction", async () => {
    const first = await connectThroughPooler();
    const second = await connectThroughPooler();
    await first.query("SELECT set_config('app.org_id', 'org_leaked', false)");
    const leaked = await second.query("SELECT current_setting('app.org_id', true) AS value");
    expect(leaked.rows[0].value).toBe("org_leaked");

    await first.query("SELECT set_config('app.org_id', '', false)");
    await inTransaction(first, "SELECT set_config('app.org_id', 'org_scoped', true)");
    const scoped = await second.query("SELECT current_setting('app.org_id', true) AS value");
    expect(scoped.rows[0].value).toBe("");
  });
});

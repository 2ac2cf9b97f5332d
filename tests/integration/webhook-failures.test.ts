import pg from "pg";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { findFreePort } from "@/scripts/lib/embedded-postgres";
import { captureDeliveryLogs, loadWebhookRoute } from "../support/svix-route";
import { eventBody, newSvixId, signedRequest } from "../support/svix-signing";

const { db, deliverBody } = await loadWebhookRoute();
const databaseUrl = process.env.DATABASE_URL as string;

const membershipBody = (id: string) =>
  eventBody("organizationMembership.created", {
    id,
    role: "org:admin",
    updated_at: 1000,
    organization: { id: `org_of_${id}`, name: "Failing Org" },
    public_user_data: { user_id: `user_of_${id}`, identifier: "someone@example.com" },
  });

async function rowsFor(id: string) {
  return {
    users: await db.user.count({ where: { clerkId: `user_of_${id}` } }),
    organizations: await db.organization.count({ where: { clerkId: `org_of_${id}` } }),
    memberships: await db.membership.count({ where: { clerkId: id } }),
  };
}

beforeAll(() => {
  captureDeliveryLogs();
});

describe("database failures", () => {
  it("answers 503 (try later) while the database is unreachable, then applies Svix's retry", async () => {
    const svixId = newSvixId();
    const body = membershipBody("orgmem_unreachable");
    vi.resetModules();
    // A port nothing listens on: every connection is refused.
    process.env.DATABASE_URL = `postgresql://app:app@127.0.0.1:${await findFreePort()}/app`;
    try {
      const { POST } = await import("@/app/api/webhooks/clerk/route");
      const response = await POST(signedRequest(body, { svixId }));
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ error: "The event could not be stored; it will be retried." });
    } finally {
      process.env.DATABASE_URL = databaseUrl;
      vi.resetModules();
    }
    expect(await rowsFor("orgmem_unreachable")).toEqual({ users: 0, organizations: 0, memberships: 0 });
    expect(await db.webhookEvent.count({ where: { svixId } })).toBe(0);

    const retry = await deliverBody(body, { svixId });
    expect(retry).toMatchObject({ status: 200, body: { status: "processed" } });
    expect(await rowsFor("orgmem_unreachable")).toEqual({ users: 1, organizations: 1, memberships: 1 });
  });

  it("leaves nothing half-written when its connection dies mid-transaction, then applies the retry", async () => {
    const svixId = newSvixId();
    const body = membershipBody("orgmem_killed");
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      // Block writes to memberships (reads pass), so the delivery stops after claiming its svix-id and
      // writing the user and organization placeholders; then kill its backend there: the way a crashed
      // server, a failover or a dropped connection looks.
      await admin.query("BEGIN");
      await admin.query("LOCK TABLE memberships IN SHARE MODE");
      const pending = deliverBody(body, { svixId });
      const victim = await waitForBackendBlockedOnLock(admin);
      // Its uncommitted writes so far: the ledger claim and both placeholders.
      const { rows: written } = await admin.query<{ relname: string }>(
        `SELECT c.relname FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
          WHERE l.pid = $1 AND l.granted AND l.mode = 'RowExclusiveLock' AND c.relkind = 'r' ORDER BY c.relname`,
        [victim],
      );
      expect(written.map((row) => row.relname)).toEqual(["organizations", "users", "webhook_events"]);
      await admin.query("SELECT pg_terminate_backend($1)", [victim]);
      const result = await pending;
      await admin.query("ROLLBACK");

      // A terminated backend is what a failover or a restart looks like: try later.
      expect(result.status).toBe(503);
      expect(await rowsFor("orgmem_killed")).toEqual({ users: 0, organizations: 0, memberships: 0 });
      expect(await db.webhookEvent.count({ where: { svixId, status: { not: "failed" } } })).toBe(0);
    } finally {
      await admin.end();
    }

    const retry = await deliverBody(body, { svixId });
    expect(retry).toMatchObject({ status: 200, body: { status: "processed" } });
    expect(await rowsFor("orgmem_killed")).toEqual({ users: 1, organizations: 1, memberships: 1 });
    expect(await db.webhookEvent.findUniqueOrThrow({ where: { svixId } })).toMatchObject({
      status: "processed",
      error: null,
    });
  });
});

async function waitForBackendBlockedOnLock(admin: pg.Client): Promise<number> {
  for (let attempt = 0; attempt < 400; attempt++) {
    // Inside a transaction Postgres keeps serving the first snapshot of pg_stat_activity: drop it.
    await admin.query("SELECT pg_stat_clear_snapshot()");
    const { rows } = await admin.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
    );
    if (rows[0]) return rows[0].pid;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("the delivery never waited on the lock");
}

import pg from "pg";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { captureDeliveryLogs, loadWebhookRoute } from "../support/svix-route";
import { eventBody, newSvixId } from "../support/svix-signing";

const { db, deliver, deliverBody } = await loadWebhookRoute();

const user = (id: string, updatedAt = 1000) => ({
  id,
  first_name: `First ${id}`,
  primary_email_address_id: "idn",
  email_addresses: [{ id: "idn", email_address: `${id}@example.com` }],
  updated_at: updatedAt,
});
const org = (id: string, updatedAt = 1000) => ({
  id,
  name: `Org ${id}`,
  slug: id.replace("_", "-"),
  updated_at: updatedAt,
});
const membership = (id: string, userId: string, orgId: string, updatedAt = 2000) => ({
  id,
  role: "org:member",
  updated_at: updatedAt,
  organization: { id: orgId, name: `Org ${orgId}` },
  public_user_data: { user_id: userId, identifier: `${userId}@example.com` },
});

beforeAll(() => {
  captureDeliveryLogs();
});
beforeEach(async () => {
  await db.$transaction([db.membership.deleteMany(), db.user.deleteMany(), db.organization.deleteMany()]);
  await db.webhookEvent.deleteMany();
});

describe("concurrent deliveries", () => {
  it("applies 16 simultaneous deliveries of the same svix-id exactly once, answering 200 to each", async () => {
    const svixId = newSvixId();
    const body = eventBody("user.created", user("user_same"));
    const results = await Promise.all(Array.from({ length: 16 }, () => deliverBody(body, { svixId })));

    expect(results.map((result) => result.status)).toEqual(Array(16).fill(200));
    const statuses = results.map((result) => result.body.status).sort();
    expect(statuses).toEqual([...Array(15).fill("duplicate"), "processed"]);
    expect(await db.webhookEvent.count({ where: { svixId } })).toBe(1);
    expect(await db.user.count({ where: { clerkId: "user_same" } })).toBe(1);
  });

  it("never answers 500 when related first events race (same users and organizations, several instances)", async () => {
    const users = Array.from({ length: 8 }, (_, index) => `user_race${index}`);
    const orgs = ["org_racea", "org_raceb", "org_racec"];
    const deliveries = [
      ...users.map((id) => () => deliver("user.created", user(id))),
      ...orgs.map((id) => () => deliver("organization.created", org(id))),
      ...users.flatMap((userId, index) =>
        orgs.map(
          (orgId) => () =>
            deliver("organizationMembership.created", membership(`orgmem_${index}_${orgId}`, userId, orgId)),
        ),
      ),
      // Each event also delivered twice under different message ids, as a second instance might see it.
      ...users.map((id) => () => deliver("user.created", user(id))),
      ...orgs.map((id) => () => deliver("organization.created", org(id))),
    ];
    const results = await Promise.all(deliveries.map((send) => send()));

    expect(results.filter((result) => result.status !== 200)).toEqual([]);
    expect(await db.user.count({ where: { clerkUpdatedAt: { not: null } } })).toBe(users.length);
    expect(
      await db.organization.count({ where: { clerkUpdatedAt: { not: null }, slug: { not: null } } }),
    ).toBe(orgs.length);
    expect(await db.membership.count({ where: { deletedAt: null } })).toBe(users.length * orgs.length);
  });

  it("keeps an organization's new slug when another organization takes its old one at the same moment", async () => {
    const named = (id: string, slug: string, updatedAt: number) => ({
      id,
      name: id,
      slug,
      updated_at: updatedAt,
    });
    await deliver("organization.created", named("org_mover", "contested", 100));
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      // Hold the mover's row so both deliveries queue on it: first the mover's own rename, then the
      // newcomer taking the slug it gives up (found still holding it when the newcomer looked).
      await admin.query("BEGIN");
      await admin.query("SELECT 1 FROM organizations WHERE clerk_id = 'org_mover' FOR UPDATE");
      const moving = deliver("organization.updated", named("org_mover", "contested-legacy", 200));
      await waitForBackendsBlocked(admin, 1);
      const taking = deliver("organization.created", named("org_newcomer", "contested", 300));
      await waitForBackendsBlocked(admin, 2);
      await admin.query("ROLLBACK");
      expect((await Promise.all([moving, taking])).map((result) => result.status)).toEqual([200, 200]);
    } finally {
      await admin.end();
    }
    const slugs = await db.organization.findMany({
      select: { clerkId: true, slug: true },
      orderBy: { clerkId: "asc" },
    });
    expect(slugs).toEqual([
      { clerkId: "org_mover", slug: "contested-legacy" },
      { clerkId: "org_newcomer", slug: "contested" },
    ]);
  });

  it("ends a membership that races its user's deletion, whichever commits first", async () => {
    for (let round = 0; round < 6; round++) {
      const userId = `user_del${round}`;
      await deliver("user.created", user(userId));
      const results = await Promise.all([
        deliver("organizationMembership.created", membership(`orgmem_del${round}`, userId, "org_shared")),
        deliver("user.deleted", { id: userId, deleted: true }),
      ]);
      expect(results.map((result) => result.status)).toEqual([200, 200]);
      const row = await db.membership.findUniqueOrThrow({ where: { clerkId: `orgmem_del${round}` } });
      expect(row.deletedAt).toBeInstanceOf(Date);
    }
  });

  it("ends a membership that races its organization's deletion, whichever commits first", async () => {
    for (let round = 0; round < 6; round++) {
      const orgId = `org_gone${round}`;
      await deliver("organization.created", org(orgId));
      const results = await Promise.all([
        deliver("organizationMembership.created", membership(`orgmem_gone${round}`, "user_stays", orgId)),
        deliver("organization.deleted", { id: orgId, deleted: true }),
      ]);
      expect(results.map((result) => result.status)).toEqual([200, 200]);
      const row = await db.membership.findUniqueOrThrow({ where: { clerkId: `orgmem_gone${round}` } });
      expect(row.deletedAt).toBeInstanceOf(Date);
    }
  });
});

async function waitForBackendsBlocked(admin: pg.Client, count: number): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    // Inside a transaction Postgres keeps serving the first snapshot of pg_stat_activity: drop it.
    await admin.query("SELECT pg_stat_clear_snapshot()");
    const { rows } = await admin.query<{ blocked: number }>(
      "SELECT count(*)::int AS blocked FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    );
    if ((rows[0]?.blocked ?? 0) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${count} deliveries never waited on the held row`);
}

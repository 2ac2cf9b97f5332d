import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { captureDeliveryLogs, loadWebhookRoute } from "../support/svix-route";
import { fixtureBody, fixtureEvent, newSvixId } from "../support/svix-signing";

const route = await loadWebhookRoute();
const { db, deliver, deliverBody } = route;

const user = (id: string, updatedAt: number, extra: Record<string, unknown> = {}) => ({
  object: "user",
  id,
  first_name: "Ada",
  last_name: "Lovelace",
  image_url: "https://img.example.com/ada",
  primary_email_address_id: "idn_2",
  email_addresses: [
    { id: "idn_1", email_address: "old@example.com" },
    { id: "idn_2", email_address: "ada@example.com" },
  ],
  updated_at: updatedAt,
  ...extra,
});

beforeAll(() => {
  captureDeliveryLogs();
});

beforeEach(async () => {
  await db.$transaction([db.membership.deleteMany(), db.user.deleteMany(), db.organization.deleteMany()]);
  await db.webhookEvent.deleteMany();
});

describe("user.created", () => {
  it("stores a real captured delivery, verified over its exact bytes", async () => {
    const result = await deliverBody(fixtureBody("real-captured/user.created.fleetfusion.raw.json"));
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ status: "processed", type: "user.created" });
    const row = await db.user.findUniqueOrThrow({ where: { clerkId: "user_2xtKOmOKFZcYQ8kBGzxhPlrgBJv" } });
    expect(row).toMatchObject({
      email: "admin.test@example.com",
      firstName: "Admin",
      lastName: "Test",
      clerkUpdatedAt: new Date(1748751899113),
      deletedAt: null,
    });
  });

  it("takes the primary email by primary_email_address_id, not the first address", async () => {
    await deliver("user.created", user("user_primary", 1000));
    const row = await db.user.findUniqueOrThrow({ where: { clerkId: "user_primary" } });
    expect(row.email).toBe("ada@example.com");
  });

  it("stores no email when the user has none (OpenAPI example)", async () => {
    const { type, data } = fixtureEvent("openapi-2025-04-15/user.created.json");
    await deliver(type, data);
    const row = await db.user.findUniqueOrThrow({ where: { clerkId: String(data.id) } });
    expect(row).toMatchObject({ email: null, firstName: "John", lastName: "Doe" });
  });

  it("answers a replay of a processed svix-id with 200 and changes nothing", async () => {
    const svixId = newSvixId();
    await deliver("user.created", user("user_replay", 1000), { svixId });
    await db.user.update({ where: { clerkId: "user_replay" }, data: { firstName: "Changed by hand" } });

    const replay = await deliver("user.created", user("user_replay", 1000), { svixId });

    expect(replay).toEqual({ status: 200, body: { status: "duplicate", type: "user.created" } });
    const row = await db.user.findUniqueOrThrow({ where: { clerkId: "user_replay" } });
    expect(row.firstName).toBe("Changed by hand");
    expect(await db.webhookEvent.count({ where: { svixId } })).toBe(1);
  });

  it("treats a second user.created with a new svix-id as stale, not as an error", async () => {
    await deliver("user.created", user("user_twice", 1000));
    const again = await deliver("user.created", user("user_twice", 1000));
    expect(again.status).toBe(200);
    expect(again.body.status).toBe("stale");
    expect(await db.user.count({ where: { clerkId: "user_twice" } })).toBe(1);
  });
});

describe("user.updated", () => {
  it("applies an update newer than the stored row", async () => {
    await deliver("user.created", user("user_upd", 1000));
    const result = await deliver("user.updated", user("user_upd", 2000, { first_name: "Augusta" }));
    expect(result.body.status).toBe("processed");
    const row = await db.user.findUniqueOrThrow({ where: { clerkId: "user_upd" } });
    expect(row).toMatchObject({ firstName: "Augusta", clerkUpdatedAt: new Date(2000) });
  });

  it("ignores an update older than the stored row and records it as stale", async () => {
    const staleId = newSvixId();
    await deliver("user.updated", user("user_old", 2000, { first_name: "Newest" }));
    const result = await deliver("user.updated", user("user_old", 1500, { first_name: "Older" }), {
      svixId: staleId,
    });
    expect(result).toMatchObject({ status: 200, body: { status: "stale" } });
    const row = await db.user.findUniqueOrThrow({ where: { clerkId: "user_old" } });
    expect(row).toMatchObject({ firstName: "Newest", clerkUpdatedAt: new Date(2000) });
    expect(await db.webhookEvent.findUniqueOrThrow({ where: { svixId: staleId } })).toMatchObject({
      status: "stale",
    });
  });

  it("creates the user when the update arrives before user.created, and the late create is stale", async () => {
    await deliver("user.updated", user("user_early", 2000, { first_name: "Updated" }));
    const late = await deliver("user.created", user("user_early", 1000, { first_name: "Created" }));
    expect(late.body.status).toBe("stale");
    const row = await db.user.findUniqueOrThrow({ where: { clerkId: "user_early" } });
    expect(row.firstName).toBe("Updated");
  });
});

describe("user.deleted", () => {
  it("removes the personal data, keeps a tombstone and ends the user's memberships", async () => {
    await deliver("user.created", user("user_gone", 1000));
    await deliver("organizationMembership.created", {
      id: "orgmem_gone",
      role: "org:member",
      updated_at: 1100,
      organization: { id: "org_keep", name: "Keep", image_url: null },
      public_user_data: { user_id: "user_gone", identifier: "ada@example.com" },
    });

    const result = await deliver("user.deleted", { object: "user", id: "user_gone", deleted: true });

    expect(result.body.status).toBe("processed");
    const row = await db.user.findUniqueOrThrow({ where: { clerkId: "user_gone" } });
    expect(row).toMatchObject({ email: null, firstName: null, lastName: null, imageUrl: null });
    expect(row.deletedAt).toBeInstanceOf(Date);
    const membership = await db.membership.findUniqueOrThrow({ where: { clerkId: "orgmem_gone" } });
    expect(membership.deletedAt).toBeInstanceOf(Date);
    expect(await db.organization.count({ where: { clerkId: "org_keep", deletedAt: null } })).toBe(1);
  });

  it("does not resurrect the user on a late user.updated or user.created", async () => {
    await deliver("user.created", user("user_dead", 1000));
    await deliver("user.deleted", { object: "user", id: "user_dead", deleted: true });

    const lateUpdate = await deliver("user.updated", user("user_dead", 5000, { first_name: "Zombie" }));
    const lateCreate = await deliver("user.created", user("user_dead", 1000));

    expect([lateUpdate.body.status, lateCreate.body.status]).toEqual(["stale", "stale"]);
    const row = await db.user.findUniqueOrThrow({ where: { clerkId: "user_dead" } });
    expect(row).toMatchObject({ firstName: null, email: null });
    expect(row.deletedAt).toBeInstanceOf(Date);
  });

  it("leaves a tombstone for a user it never saw, so the late user.created is refused", async () => {
    await deliver("user.deleted", { object: "user", id: "user_unseen", deleted: true });
    await deliver("user.created", user("user_unseen", 1000));
    const row = await db.user.findUniqueOrThrow({ where: { clerkId: "user_unseen" } });
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(row.email).toBeNull();
  });

  it("accepts the Dashboard and OpenAPI deletion examples", async () => {
    for (const path of ["dashboard-catalog/user.deleted.json", "openapi-2025-04-15/user.deleted.json"]) {
      const { type, data } = fixtureEvent(path);
      const result = await deliver(type, data);
      expect(result.status).toBe(200);
      expect(await db.user.count({ where: { clerkId: String(data.id), deletedAt: { not: null } } })).toBe(1);
    }
  });
});

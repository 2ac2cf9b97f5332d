import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { captureDeliveryLogs, loadWebhookRoute } from "../support/svix-route";
import { fixtureBody, fixtureEvent } from "../support/svix-signing";

const { db, deliver, deliverBody } = await loadWebhookRoute();

const org = (id: string, updatedAt: number, extra: Record<string, unknown> = {}) => ({
  object: "organization",
  id,
  name: "Acme",
  slug: "acme",
  image_url: "https://img.example.com/acme",
  updated_at: updatedAt,
  ...extra,
});
const findOrg = (clerkId: string) => db.organization.findUniqueOrThrow({ where: { clerkId } });

beforeAll(() => {
  captureDeliveryLogs();
});
beforeEach(async () => {
  await db.$transaction([db.membership.deleteMany(), db.user.deleteMany(), db.organization.deleteMany()]);
});

describe("organization.created / organization.updated", () => {
  it("stores the real captured delivery", async () => {
    await deliverBody(fixtureBody("real-captured/organization.created.fleetfusion.raw.json"));
    expect(await findOrg("org_2xtHWId18HISm4zUJTzVtJwEigw")).toMatchObject({
      name: "Test Trucking",
      slug: "test-trucking",
      clerkUpdatedAt: new Date(1748750479752),
    });
  });

  it("applies the OpenAPI update after the create, and ignores the create replayed later", async () => {
    for (const path of ["organization.created", "organization.updated", "organization.created"]) {
      const { type, data } = fixtureEvent(`openapi-2025-04-15/${path}.json`);
      await deliver(type, data);
    }
    expect(await findOrg("org_2g7np7Hrk0SN6kj5EDMLDaKNL0S")).toMatchObject({
      name: "Acme Corp Updated",
      slug: "acme-corp-updated",
    });
  });

  it("ignores an update older than the stored row", async () => {
    await deliver("organization.updated", org("org_a", 200, { name: "Newer" }));
    const result = await deliver("organization.updated", org("org_a", 100, { name: "Older" }));
    expect(result.body.status).toBe("stale");
    expect((await findOrg("org_a")).name).toBe("Newer");
  });
});

describe("organization.deleted", () => {
  it("marks the organization deleted, frees its slug and ends its memberships", async () => {
    await deliver("organization.created", org("org_del", 100));
    await deliver("organizationMembership.created", {
      id: "orgmem_del",
      role: "org:admin",
      updated_at: 110,
      organization: { id: "org_del", name: "Acme" },
      public_user_data: { user_id: "user_del" },
    });
    await deliver("organization.deleted", { object: "organization", id: "org_del", deleted: true });

    const row = await findOrg("org_del");
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(row.slug).toBeNull();
    const membership = await db.membership.findUniqueOrThrow({ where: { clerkId: "orgmem_del" } });
    expect(membership.deletedAt).toBeInstanceOf(Date);
    expect(await db.user.count({ where: { clerkId: "user_del", deletedAt: null } })).toBe(1);
  });

  it("does not resurrect the organization on a late organization.updated", async () => {
    await deliver("organization.created", org("org_dead", 100));
    await deliver("organization.deleted", { id: "org_dead", deleted: true });
    await deliver("organization.updated", org("org_dead", 500, { name: "Zombie Inc" }));
    const row = await findOrg("org_dead");
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(row.slug).toBeNull();
  });

  it("leaves a tombstone for an organization it never saw, so the late organization.created is refused", async () => {
    await deliver("organization.deleted", { id: "org_unseen", deleted: true });
    await deliver("organization.created", org("org_unseen", 100));
    const row = await findOrg("org_unseen");
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(row.slug).toBeNull();
  });

  it("accepts the Dashboard deletion example", async () => {
    const { type, data } = fixtureEvent("dashboard-catalog/organization.deleted.json");
    expect((await deliver(type, data)).status).toBe(200);
  });
});

describe("slugs", () => {
  it("lets a new organization take the slug of a deleted one", async () => {
    await deliver("organization.created", org("org_first", 100));
    await deliver("organization.deleted", { id: "org_first", deleted: true });
    await deliver("organization.created", org("org_second", 300));
    expect((await findOrg("org_second")).slug).toBe("acme");
  });

  it("gives a slug to the newer organization when the older holder's change has not arrived yet", async () => {
    await deliver("organization.created", org("org_old", 100));
    // org_old was renamed to "acme-legacy" at 200, but that event is late; org_new took "acme" at 300.
    const result = await deliver("organization.created", org("org_new", 300));
    expect(result.status).toBe(200);
    expect((await findOrg("org_new")).slug).toBe("acme");
    expect((await findOrg("org_old")).slug).toBeNull();

    await deliver("organization.updated", org("org_old", 200, { slug: "acme-legacy" }));
    expect((await findOrg("org_old")).slug).toBe("acme-legacy");
  });

  it("keeps the slug with the newer holder when an older claim arrives late", async () => {
    await deliver("organization.created", org("org_new", 300));
    await deliver("organization.created", org("org_old", 100));
    expect((await findOrg("org_new")).slug).toBe("acme");
    expect((await findOrg("org_old")).slug).toBeNull();
  });
});

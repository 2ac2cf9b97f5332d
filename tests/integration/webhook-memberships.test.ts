import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { captureDeliveryLogs, loadWebhookRoute } from "../support/svix-route";
import { fixtureBody, fixtureEvent } from "../support/svix-signing";

const { db, deliver, deliverBody } = await loadWebhookRoute();

const membership = (id: string, updatedAt: number, extra: Record<string, unknown> = {}) => ({
  object: "organization_membership",
  id,
  role: "org:member",
  updated_at: updatedAt,
  organization: {
    id: "org_m",
    name: "Membership Org",
    slug: "membership-org",
    image_url: null,
    updated_at: 10,
  },
  public_user_data: {
    user_id: "user_m",
    identifier: "member@example.com",
    first_name: "Mem",
    last_name: "Ber",
    image_url: "https://img.example.com/m",
  },
  ...extra,
});
const user = (id: string, updatedAt: number) => ({
  id,
  first_name: "Real",
  last_name: "Name",
  primary_email_address_id: "idn_r",
  email_addresses: [{ id: "idn_r", email_address: "real@example.com" }],
  updated_at: updatedAt,
});
const org = (id: string, updatedAt: number, slug = "real-org") => ({
  id,
  name: "Real Org",
  slug,
  updated_at: updatedAt,
});
const findMembership = (clerkId: string) =>
  db.membership.findUniqueOrThrow({ where: { clerkId }, include: { user: true, organization: true } });

beforeAll(() => {
  captureDeliveryLogs();
});
beforeEach(async () => {
  await db.$transaction([db.membership.deleteMany(), db.user.deleteMany(), db.organization.deleteMany()]);
});

describe("roles", () => {
  it.each(["org:admin", "org:member", "org:billing_manager", "basic_member"])(
    "stores the role %s exactly as sent",
    async (role) => {
      await deliver("organizationMembership.created", membership(`orgmem_${role}`, 100, { role }));
      expect((await findMembership(`orgmem_${role}`)).role).toBe(role);
    },
  );

  it("stores the real captured delivery of Clerk's admin membership", async () => {
    const result = await deliverBody(
      fixtureBody("real-captured/organizationMembership.created.fleetfusion.raw.json"),
    );
    expect(result.status).toBe(200);
    const row = await findMembership("orgmem_2xtKS7v97eo9g3TGqgyk1Wyxk74");
    expect(row).toMatchObject({ role: "org:admin", deletedAt: null });
    expect(row.user.clerkId).toBe("user_2xtKOmOKFZcYQ8kBGzxhPlrgBJv");
    expect(row.organization.clerkId).toBe("org_2xtKS56z1iD1EVaRTl9TEMizXs6");
  });
});

describe("a membership that arrives before its user and organization", () => {
  it("creates placeholders from the data the membership carries", async () => {
    const result = await deliver("organizationMembership.created", membership("orgmem_first", 100));
    expect(result.body.status).toBe("processed");
    const row = await findMembership("orgmem_first");
    expect(row.user).toMatchObject({
      clerkId: "user_m",
      email: "member@example.com",
      firstName: "Mem",
      clerkUpdatedAt: null,
    });
    expect(row.organization).toMatchObject({
      clerkId: "org_m",
      name: "Membership Org",
      slug: null,
      clerkUpdatedAt: null,
    });
  });

  it("lets the late user.created and organization.created complete the placeholders", async () => {
    await deliver("organizationMembership.created", membership("orgmem_first", 100));
    await deliver("user.created", user("user_m", 50));
    await deliver("organization.created", org("org_m", 40));
    const row = await findMembership("orgmem_first");
    expect(row.user).toMatchObject({
      email: "real@example.com",
      firstName: "Real",
      clerkUpdatedAt: new Date(50),
    });
    expect(row.organization).toMatchObject({
      name: "Real Org",
      slug: "real-org",
      clerkUpdatedAt: new Date(40),
    });
    expect(row.deletedAt).toBeNull();
  });

  it("answers with Clerk ids and what changed, never internal row ids", async () => {
    const result = await deliver("organizationMembership.created", membership("orgmem_answer", 100));
    expect(result.body.changes).toEqual([
      { object: "user", clerkId: "user_m", change: "placeholder" },
      { object: "organization", clerkId: "org_m", change: "placeholder" },
      { object: "membership", clerkId: "orgmem_answer", change: "created" },
    ]);
  });

  it("does not overwrite a real user with the membership's copy of its data", async () => {
    await deliver("user.created", user("user_m", 50));
    await deliver("organizationMembership.created", membership("orgmem_after", 100));
    const row = await findMembership("orgmem_after");
    expect(row.user).toMatchObject({ email: "real@example.com", firstName: "Real" });
  });

  it("does not take a slug for a placeholder organization", async () => {
    await deliver("organization.created", org("org_holder", 10, "membership-org"));
    await deliver("organizationMembership.created", membership("orgmem_slug", 100));
    expect(await db.organization.findUniqueOrThrow({ where: { clerkId: "org_holder" } })).toMatchObject({
      slug: "membership-org",
    });
  });
});

describe("updates and deletions", () => {
  it("applies a newer role and ignores an older one", async () => {
    await deliver("organizationMembership.created", membership("orgmem_r", 100));
    await deliver("organizationMembership.updated", membership("orgmem_r", 300, { role: "org:admin" }));
    const stale = await deliver(
      "organizationMembership.updated",
      membership("orgmem_r", 200, { role: "org:member" }),
    );
    expect(stale.body.status).toBe("stale");
    expect(await findMembership("orgmem_r")).toMatchObject({
      role: "org:admin",
      clerkUpdatedAt: new Date(300),
    });
  });

  it("ends the membership on organizationMembership.deleted and keeps it ended on a late update", async () => {
    await deliver("organizationMembership.created", membership("orgmem_d", 100));
    await deliver("organizationMembership.deleted", membership("orgmem_d", 100));
    await deliver("organizationMembership.updated", membership("orgmem_d", 150, { role: "org:admin" }));
    const row = await findMembership("orgmem_d");
    expect(row.deletedAt).toBeInstanceOf(Date);
  });

  it("records a deletion that arrives before the creation as an ended membership", async () => {
    await deliver("organizationMembership.deleted", membership("orgmem_early_delete", 100));
    await deliver("organizationMembership.created", membership("orgmem_early_delete", 100));
    expect((await findMembership("orgmem_early_delete")).deletedAt).toBeInstanceOf(Date);
  });

  it("accepts the OpenAPI and Dashboard deletion examples", async () => {
    for (const path of [
      "openapi-2025-04-15/organizationMembership.deleted.json",
      "dashboard-catalog/organizationMembership.deleted.json",
    ]) {
      const { type, data } = fixtureEvent(path);
      expect((await deliver(type, data)).status).toBe(200);
      expect((await findMembership(String(data.id))).deletedAt).toBeInstanceOf(Date);
    }
  });

  it("stores a membership of an already deleted user as ended", async () => {
    await deliver("user.deleted", { id: "user_m", deleted: true });
    await deliver("organizationMembership.created", membership("orgmem_of_deleted", 100));
    const row = await findMembership("orgmem_of_deleted");
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(row.user.email).toBeNull();
  });

  it("stores a membership of an already deleted organization as ended", async () => {
    await deliver("organization.deleted", { id: "org_m", deleted: true });
    await deliver("organizationMembership.created", membership("orgmem_of_deleted_org", 100));
    expect((await findMembership("orgmem_of_deleted_org")).deletedAt).toBeInstanceOf(Date);
  });
});

describe("leaving and rejoining (a new membership id for the same user and organization)", () => {
  it("keeps the newer membership live even when the old one's deletion arrives last", async () => {
    await deliver("organizationMembership.created", membership("orgmem_old", 100));
    await deliver("organizationMembership.created", membership("orgmem_new", 300));
    await deliver("organizationMembership.deleted", membership("orgmem_old", 200));
    expect((await findMembership("orgmem_old")).deletedAt).toBeInstanceOf(Date);
    expect((await findMembership("orgmem_new")).deletedAt).toBeNull();
  });

  it("stores the old membership as ended when it arrives after the newer one", async () => {
    await deliver("organizationMembership.created", membership("orgmem_new", 300));
    await deliver("organizationMembership.created", membership("orgmem_old", 100));
    expect((await findMembership("orgmem_old")).deletedAt).toBeInstanceOf(Date);
    expect((await findMembership("orgmem_new")).deletedAt).toBeNull();
  });
});

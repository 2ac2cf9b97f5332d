/**
 * Clerk Billing through the real webhook route: signed deliveries of Clerk's example payloads and of
 * histories built in the same shapes, applied to real PostgreSQL.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { billingJson } from "../support/clerk-billing";
import { withOwnerClient } from "../support/owner-db";
import { captureDeliveryLogs, loadWebhookRoute } from "../support/svix-route";
import { eventBody, fixtureBody, fixtureEvent, newSvixId } from "../support/svix-signing";

const { db, deliver, deliverBody } = await loadWebhookRoute();

const ORG = "org_billing";
const item = billingJson.item;
const subscription = billingJson.subscription;

beforeAll(() => {
  captureDeliveryLogs();
});
beforeEach(async () => {
  await db.$transaction([
    db.billingPaymentAttempt.deleteMany(),
    db.billingSubscriptionItem.deleteMany(),
    db.billingSubscription.deleteMany(),
    db.organization.deleteMany(),
  ]);
});

describe("Clerk's example payloads", () => {
  it.each(["subscription.created", "subscription.updated", "subscription.active", "subscription.pastDue"])(
    "applies %s for an organization, with its items",
    async (type) => {
      const response = await deliverBody(fixtureBody(`billing/${type}.json`));
      expect(response.status).toBe(200);
      const row = await db.billingSubscription.findUniqueOrThrow({
        where: { clerkId: "csub_2g7np7Hrk0SN6kj5EDMLDaKNL0S" },
        include: { organization: true },
      });
      expect(row.organization.clerkId).toBe("org_demo_globex");
      expect(row.status).toBe(fixtureEvent(`billing/${type}.json`).data.status);
      expect(await db.billingSubscriptionItem.findMany({ select: { planSlug: true } })).toEqual([
        { planSlug: "pro" },
      ]);
    },
  );

  it.each([
    "subscriptionItem.active",
    "subscriptionItem.canceled",
    "subscriptionItem.ended",
    "subscriptionItem.pastDue",
    "subscriptionItem.upcoming",
    "subscriptionItem.abandoned",
    "subscriptionItem.incomplete",
    "subscriptionItem.freeTrialEnding",
    "subscriptionItem.updated",
  ])("applies %s", async (type) => {
    expect((await deliverBody(fixtureBody(`billing/${type}.json`))).status).toBe(200);
    const row = await db.billingSubscriptionItem.findUniqueOrThrow({
      where: { clerkId: "csub_item_2g7np7Hrk0SN6kj5EDMLDaKNL0S" },
      include: { organization: true },
    });
    expect(row).toMatchObject({ status: fixtureEvent(`billing/${type}.json`).data.status, planSlug: "pro" });
    expect(row.organization?.clerkId).toBe("org_demo_globex");
  });

  it.each(["paymentAttempt.created", "paymentAttempt.updated"])(
    "records %s for the admin view",
    async (type) => {
      expect((await deliverBody(fixtureBody(`billing/${type}.json`))).status).toBe(200);
      expect(await db.billingPaymentAttempt.findFirstOrThrow()).toMatchObject({
        status: fixtureEvent(`billing/${type}.json`).data.status,
        amount: 2200,
        currency: "USD",
      });
    },
  );

  it("acknowledges a user's own subscription without storing it (this starter bills organizations)", async () => {
    const response = await deliverBody(fixtureBody("openapi-2025-04-15/subscription.created.json"));
    expect(response.status).toBe(200);
    expect(await db.billingSubscription.count()).toBe(0);
    expect(await db.billingSubscriptionItem.count()).toBe(0);
  });
});

describe("ordering, duplicates and placeholders", () => {
  it("creates a placeholder organization when a subscription arrives before organization.created", async () => {
    await deliver("subscription.created", subscription("csub_1", ORG, 100, { items: [item("csi_1", 100)] }));
    const organization = await db.organization.findUniqueOrThrow({ where: { clerkId: ORG } });
    expect(organization).toMatchObject({ name: `Org ${ORG}`, clerkUpdatedAt: null, slug: null });
    await deliver("organization.created", { id: ORG, name: "Real name", slug: "real", updated_at: 50 });
    expect(await db.organization.findUniqueOrThrow({ where: { clerkId: ORG } })).toMatchObject({
      name: "Real name",
      slug: "real",
    });
    expect(await db.billingSubscription.count({ where: { organizationId: organization.id } })).toBe(1);
  });

  it("ignores a subscription event older than the stored row", async () => {
    await deliver("subscription.pastDue", subscription("csub_1", ORG, 200, { status: "past_due" }));
    const late = await deliver("subscription.active", subscription("csub_1", ORG, 100));
    expect(late.body).toMatchObject({ status: "stale" });
    expect((await db.billingSubscription.findUniqueOrThrow({ where: { clerkId: "csub_1" } })).status).toBe(
      "past_due",
    );
  });

  it("keeps an item's newest version whether it came in an item event or inside its subscription", async () => {
    await deliver(
      "subscriptionItem.ended",
      item("csi_1", 300, { status: "ended", subscriptionId: "csub_1", organizationId: ORG }),
    );
    await deliver("subscription.updated", subscription("csub_1", ORG, 200, { items: [item("csi_1", 200)] }));
    expect((await db.billingSubscriptionItem.findUniqueOrThrow({ where: { clerkId: "csi_1" } })).status).toBe(
      "ended",
    );
  });

  it("learns whose an item is from its subscription when the item event names no payer", async () => {
    await deliver("subscriptionItem.active", item("csi_1", 100, { subscriptionId: "csub_1" }));
    expect(
      (await db.billingSubscriptionItem.findUniqueOrThrow({ where: { clerkId: "csi_1" } })).organizationId,
    ).toBeNull();
    await deliver("subscription.created", subscription("csub_1", ORG, 50));
    const organization = await db.organization.findUniqueOrThrow({ where: { clerkId: ORG } });
    expect(
      (await db.billingSubscriptionItem.findUniqueOrThrow({ where: { clerkId: "csi_1" } })).organizationId,
    ).toBe(organization.id);
  });

  it("applies a redelivered svix-id once", async () => {
    const svixId = newSvixId();
    const body = eventBody("paymentAttempt.created", billingJson.paymentAttempt("pa_1", ORG, 100));
    expect((await deliverBody(body, { svixId })).body).toMatchObject({ status: "processed" });
    expect((await deliverBody(body, { svixId })).body).toMatchObject({ status: "duplicate" });
    expect(await db.billingPaymentAttempt.count()).toBe(1);
  });

  it("answers 400 and writes nothing for a subscription without an updated_at", async () => {
    const { updated_at: _, ...withoutTime } = subscription("csub_1", ORG, 100);
    expect((await deliver("subscription.created", withoutTime)).status).toBe(400);
    expect(await db.billingSubscription.count()).toBe(0);
  });
});

describe("a database fault", () => {
  it("answers 5xx and writes nothing (not the subscription, not its organization), then applies the retry", async () => {
    const svixId = newSvixId();
    const body = eventBody(
      "subscription.created",
      subscription("csub_fault", ORG, 100, { items: [item("csi_fault", 100)] }),
    );
    // The item insert fails after the ledger row, the placeholder and the subscription are written.
    await withOwnerClient(async (client) => {
      await client.query(`CREATE FUNCTION refuse_items() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'disk full (simulated)'; END $$`);
      await client.query(
        "CREATE TRIGGER refuse_items BEFORE INSERT ON billing_subscription_items FOR EACH ROW EXECUTE FUNCTION refuse_items()",
      );
    });
    try {
      expect((await deliverBody(body, { svixId })).status).toBeGreaterThanOrEqual(500);
      expect(await db.billingSubscription.count()).toBe(0);
      expect(await db.organization.count({ where: { clerkId: ORG } })).toBe(0);
    } finally {
      await withOwnerClient(async (client) => {
        await client.query("DROP TRIGGER refuse_items ON billing_subscription_items");
        await client.query("DROP FUNCTION refuse_items()");
      });
    }
    expect((await deliverBody(body, { svixId })).body).toMatchObject({ status: "processed" });
    expect(await db.billingSubscriptionItem.count({ where: { clerkId: "csi_fault" } })).toBe(1);
  });
});

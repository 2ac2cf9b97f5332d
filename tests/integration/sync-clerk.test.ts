/**
 * The reconcile (`npm run sync:clerk`) against a stand-in of Clerk's Backend API: what it imports,
 * updates and tombstones, page by page, alongside webhooks.
 */
import { describe, expect, it } from "vitest";
import { clerkJson } from "../support/clerk-api-server";
import {
  acmeSubscription,
  api,
  db,
  deliver,
  reconcile,
  setUpSeededClerkInstance,
} from "../support/clerk-reconcile";

setUpSeededClerkInstance();

const NO_BILLING_CHANGE = { created: 0, updated: 0, unchanged: 0, tombstoned: 0 };

describe("reconcile (npm run sync:clerk)", () => {
  it("pulls each organization's Clerk Billing subscription, and catches up on a missed past-due", async () => {
    await reconcile();
    const acme = { organization: { clerkId: "org_acme" } };
    expect(await db.billingSubscription.findFirstOrThrow({ where: acme })).toMatchObject({
      status: "active",
    });
    expect(
      await db.billingSubscriptionItem.findMany({ where: acme, select: { planSlug: true, status: true } }),
    ).toEqual(
      expect.arrayContaining([
        { planSlug: "pro", status: "active" },
        { planSlug: "free_org", status: "ended" },
      ]),
    );
    expect(api.requests).toContain("GET /v1/organizations/org_globex/billing/subscription");

    // The `subscription.pastDue` webhook never arrived.
    api.instance.subscriptions.set("org_acme", acmeSubscription(1300, "past_due"));
    const summary = await reconcile();
    expect(summary.subscription).toEqual({ created: 0, updated: 1, unchanged: 0, tombstoned: 0 });
    expect(await db.billingSubscription.findFirstOrThrow({ where: acme })).toMatchObject({
      status: "past_due",
    });
  });

  it("imports every user, organization and membership, page by page", async () => {
    const progress: string[] = [];
    const summary = await reconcile((message) => progress.push(message));

    expect(summary).toEqual({
      user: { created: 5, updated: 0, unchanged: 0, tombstoned: 0 },
      organization: { created: 2, updated: 0, unchanged: 0, tombstoned: 0 },
      membership: { created: 4, updated: 0, unchanged: 0, tombstoned: 0 },
      subscription: { created: 1, updated: 0, unchanged: 0, tombstoned: 0 },
      subscriptionItem: { created: 2, updated: 0, unchanged: 0, tombstoned: 0 },
      paymentAttempt: NO_BILLING_CHANGE,
    });
    expect(await db.user.findUniqueOrThrow({ where: { clerkId: "user_ada" } })).toMatchObject({
      email: "user_ada@example.com",
      clerkUpdatedAt: new Date(1000),
    });
    expect(await db.organization.findUniqueOrThrow({ where: { clerkId: "org_acme" } })).toMatchObject({
      slug: "org-acme",
    });
    expect(await db.membership.count({ where: { deletedAt: null } })).toBe(4);
    expect(api.requests.filter((request) => request.startsWith("GET /v1/users?"))).toHaveLength(3);
    expect(progress).toContain("users 5/5");
  });

  it("changes nothing on a second run", async () => {
    await reconcile();
    const summary = await reconcile();
    expect(summary).toEqual({
      user: { created: 0, updated: 0, unchanged: 5, tombstoned: 0 },
      organization: { created: 0, updated: 0, unchanged: 2, tombstoned: 0 },
      membership: { created: 0, updated: 0, unchanged: 4, tombstoned: 0 },
      subscription: { created: 0, updated: 0, unchanged: 1, tombstoned: 0 },
      subscriptionItem: { created: 0, updated: 0, unchanged: 2, tombstoned: 0 },
      paymentAttempt: NO_BILLING_CHANGE,
    });
  });

  it("applies what changed and tombstones what Clerk no longer has", async () => {
    await reconcile();
    const instance = api.instance;
    instance.users[0] = clerkJson.user("user_ada", 2000, "Augusta");
    instance.users = instance.users.filter((user) => user.id !== "user_ed");
    instance.memberships = instance.memberships.filter((membership) => membership.id !== "orgmem_bob_acme");
    instance.organizations = instance.organizations.filter(
      (organization) => organization.id !== "org_globex",
    );
    instance.memberships = instance.memberships.filter(
      (membership) => membership.organization.id !== "org_globex",
    );

    const summary = await reconcile();

    expect(summary.user).toEqual({ created: 0, updated: 1, unchanged: 3, tombstoned: 1 });
    expect(summary.organization).toEqual({ created: 0, updated: 0, unchanged: 1, tombstoned: 1 });
    // Two ended with org_globex, one removed from org_acme.
    expect(summary.membership).toEqual({ created: 0, updated: 0, unchanged: 1, tombstoned: 3 });
    expect(await db.user.findUniqueOrThrow({ where: { clerkId: "user_ada" } })).toMatchObject({
      firstName: "Augusta",
    });
    expect((await db.user.findUniqueOrThrow({ where: { clerkId: "user_ed" } })).deletedAt).toBeInstanceOf(
      Date,
    );
    expect(
      (await db.organization.findUniqueOrThrow({ where: { clerkId: "org_globex" } })).deletedAt,
    ).toBeInstanceOf(Date);
    const live = await db.membership.findMany({ where: { deletedAt: null }, select: { clerkId: true } });
    expect(live).toEqual([{ clerkId: "orgmem_ada_acme" }]);
  });

  it("does not tombstone what a list skipped while Clerk still has it", async () => {
    await reconcile();
    api.instance.hiddenFromLists.add("user_bob");
    api.instance.hiddenFromLists.add("orgmem_cy_globex");
    const summary = await reconcile();
    expect(summary.user.tombstoned).toBe(0);
    expect(summary.membership.tombstoned).toBe(0);
    expect(await db.user.count({ where: { deletedAt: { not: null } } })).toBe(0);
  });

  it("does not tombstone a user a webhook added while the reconcile was running", async () => {
    const summary = await reconcile(async (message) => {
      if (message.startsWith("users 2/")) {
        await deliver("user.created", clerkJson.user("user_new", 5000));
      }
    });
    expect(summary.user.tombstoned).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { clerkId: "user_new" } })).deletedAt).toBeNull();
  });

  it("completes the placeholders a membership webhook created", async () => {
    const [ada] = api.instance.users;
    const [acme] = api.instance.organizations;
    if (!ada || !acme) throw new Error("instance not seeded");
    await deliver(
      "organizationMembership.created",
      clerkJson.membership("orgmem_ada_acme", ada, acme, 1100, "org:admin"),
    );
    expect(await db.user.findUniqueOrThrow({ where: { clerkId: "user_ada" } })).toMatchObject({
      clerkUpdatedAt: null,
    });

    const summary = await reconcile();

    expect(summary.user.updated).toBe(1);
    expect(await db.user.findUniqueOrThrow({ where: { clerkId: "user_ada" } })).toMatchObject({
      email: "user_ada@example.com",
      clerkUpdatedAt: new Date(1000),
    });
  });
});

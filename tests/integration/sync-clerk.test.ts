import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { createClerkClient } from "@clerk/backend";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { reconcileWithClerk } from "@/server/webhooks/clerk/reconcile";
import { ReconcileRefusedError } from "@/server/webhooks/clerk/reconcile-checks";
import { type ClerkApiServer, clerkJson, startClerkApiServer } from "../support/clerk-api-server";
import { captureDeliveryLogs, loadWebhookRoute } from "../support/svix-route";
import { readSyncedTables } from "../support/synced-tables";

const { db, deliver } = await loadWebhookRoute();
let api: ClerkApiServer;

const reconcileWith = (
  server: ClerkApiServer,
  options: { onProgress?: (message: string) => void; dryRun?: boolean; force?: boolean } = {},
) =>
  reconcileWithClerk({
    clerk: createClerkClient({ secretKey: server.secretKey, apiUrl: server.apiUrl }),
    db,
    pageSize: 2,
    ...options,
  });
const reconcile = async (onProgress?: (message: string) => void) =>
  (await reconcileWith(api, { onProgress })).summary;

function seedInstance() {
  const users = ["user_ada", "user_bob", "user_cy", "user_di", "user_ed"].map((id) =>
    clerkJson.user(id, 1000),
  );
  const [ada, bob, cy] = users as [
    ReturnType<typeof clerkJson.user>,
    ...ReturnType<typeof clerkJson.user>[],
  ] &
    ReturnType<typeof clerkJson.user>[];
  const acme = clerkJson.organization("org_acme", 1000);
  const globex = clerkJson.organization("org_globex", 1000);
  api.instance.users = users;
  api.instance.organizations = [acme, globex];
  api.instance.memberships = [
    clerkJson.membership("orgmem_ada_acme", ada, acme, 1100, "org:admin"),
    clerkJson.membership("orgmem_bob_acme", bob as typeof ada, acme, 1100),
    clerkJson.membership("orgmem_cy_globex", cy as typeof ada, globex, 1100, "org:admin"),
    clerkJson.membership("orgmem_ada_globex", ada, globex, 1100),
  ];
  api.instance.hiddenFromLists.clear();
  // Acme pays (its subscription: the default free item ended, Pro active); Globex has no subscription
  // (Clerk answers 404, as for an instance without Billing).
  api.instance.subscriptions.clear();
  api.instance.subscriptions.set("org_acme", acmeSubscription(1200, "active"));
}

function acmeSubscription(updatedAt: number, status: string) {
  const item = (id: string, plan: string, itemStatus: string) => ({
    object: "commerce_subscription_item",
    id,
    status: itemStatus,
    plan_period: "month",
    period_start: 1000,
    period_end: null,
    created_at: 1000,
    updated_at: updatedAt,
    plan: { object: "commerce_plan", id: `cplan_${plan}`, slug: plan, name: plan, features: [] },
  });
  return {
    object: "commerce_subscription",
    id: "csub_acme",
    status,
    payer_id: "cpayer_acme",
    created_at: 1000,
    updated_at: updatedAt,
    active_at: 1000,
    past_due_at: status === "past_due" ? updatedAt : null,
    subscription_items: [item("csi_acme_free", "free_org", "ended"), item("csi_acme_pro", "pro", status)],
  };
}

const NO_BILLING_CHANGE = { created: 0, updated: 0, unchanged: 0, tombstoned: 0 };

beforeAll(async () => {
  captureDeliveryLogs();
  api = await startClerkApiServer();
});
afterAll(() => api.close());
beforeEach(async () => {
  await db.$transaction([
    db.billingSubscriptionItem.deleteMany(),
    db.membership.deleteMany(),
    db.user.deleteMany(),
    db.organization.deleteMany(),
  ]);
  seedInstance();
  api.requests.length = 0;
});

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

const tables = () => readSyncedTables(process.env.DATABASE_URL as string);

/** Another Clerk instance (a test key against live data): none of our ids exists in it. */
async function startOtherInstance(): Promise<ClerkApiServer> {
  const other = await startClerkApiServer();
  const stranger = clerkJson.user("user_stranger", 1000);
  const initech = clerkJson.organization("org_initech", 1000);
  other.instance.users = [stranger];
  other.instance.organizations = [initech];
  other.instance.memberships = [clerkJson.membership("orgmem_stranger", stranger, initech, 1000)];
  return other;
}

/** 12 users stored; Clerk then deleted 7 of them: more than 10% and more than a handful. */
async function importThenDeleteMostUsers(): Promise<void> {
  api.instance.users = Array.from({ length: 12 }, (_, index) => clerkJson.user(`user_${index}`, 1000));
  api.instance.memberships = [];
  await reconcile();
  api.instance.users = api.instance.users.slice(0, 5);
}

describe("reconcile safety", () => {
  it("refuses a key of another Clerk instance before writing anything", async () => {
    await reconcile();
    const before = await tables();
    const other = await startOtherInstance();
    try {
      const refused = reconcileWith(other);
      await expect(refused).rejects.toBeInstanceOf(ReconcileRefusedError);
      await expect(refused).rejects.toThrow(/none of 5 users and 2 organizations .* another instance's key/);
    } finally {
      await other.close();
    }
    expect(await tables()).toEqual(before);
  });

  it("refuses to tombstone more than 10% and more than 5 rows of a kind, and tombstones nothing", async () => {
    await importThenDeleteMostUsers();
    await expect(reconcileWith(api)).rejects.toThrow(
      /it would tombstone 7 of 12 users.*Nothing was tombstoned/,
    );
    expect(await db.user.count({ where: { deletedAt: { not: null } } })).toBe(0);
  });

  it("tombstones them all with force", async () => {
    await importThenDeleteMostUsers();
    const { summary, tombstoned, refusal } = await reconcileWith(api, { force: true });
    expect(summary.user.tombstoned).toBe(7);
    expect(tombstoned.user).toHaveLength(7);
    expect(refusal).toMatch(/it would tombstone 7 of 12 users/);
    expect(await db.user.count({ where: { deletedAt: { not: null } } })).toBe(7);
  });

  it("still tombstones a handful of rows without force", async () => {
    await reconcile();
    api.instance.users = api.instance.users.filter((user) => user.id !== "user_ed" && user.id !== "user_di");
    expect((await reconcileWith(api)).summary.user.tombstoned).toBe(2);
  });

  it("reports in a dry run exactly what a real run then changes, and writes nothing", async () => {
    await reconcile();
    api.instance.users[0] = clerkJson.user("user_ada", 2000, "Augusta");
    api.instance.users.push(clerkJson.user("user_fay", 1000));
    api.instance.organizations = api.instance.organizations.filter((org) => org.id !== "org_globex");
    api.instance.memberships = api.instance.memberships.filter((m) => m.organization.id !== "org_globex");
    const before = await tables();

    const plan = await reconcileWith(api, { dryRun: true });

    expect(await tables()).toEqual(before);
    const real = await reconcileWith(api);
    expect(plan.summary).toEqual(real.summary);
    expect(plan.tombstoned).toEqual(real.tombstoned);
    expect(plan.summary.user).toEqual({ created: 1, updated: 1, unchanged: 4, tombstoned: 0 });
    expect(plan.tombstoned.membership.sort()).toEqual(["orgmem_ada_globex", "orgmem_cy_globex"]);
  });
});

describe("npm run sync:clerk", () => {
  async function syncClerk(server: ClerkApiServer, ...args: string[]) {
    try {
      // Asynchronously: the stand-in API lives in this process and must keep answering.
      const { stdout, stderr } = await promisify(execFile)(
        "npx",
        ["tsx", "--conditions=react-server", "scripts/sync-clerk.ts", ...args],
        {
          encoding: "utf8",
          env: {
            ...process.env,
            CLERK_SECRET_KEY: server.secretKey,
            // server/env.ts wants Clerk's keys as a pair, as in a real .env.
            NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: `pk_test_${Buffer.from("clerk.example.com$").toString("base64")}`,
            CLERK_API_URL: server.apiUrl,
          },
          timeout: 60_000,
        },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout: string; stderr: string };
      return { code: failed.code ?? -1, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it("prints progress and a summary", async () => {
    const run = await syncClerk(api);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("users 5/5");
    expect(run.stdout).toMatch(/user\s*│\s*5/);
    expect(await db.user.count({ where: { deletedAt: null } })).toBe(5);
  });

  it("refuses a key of another instance with a clear message and a non-zero exit, changing nothing", async () => {
    await reconcile();
    const before = await tables();
    const other = await startOtherInstance();
    try {
      const run = await syncClerk(other);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/Refusing to reconcile: .*another instance's key.* Nothing was changed/);
      expect(run.stderr).not.toMatch(/\bat \S+ \(/);
    } finally {
      await other.close();
    }
    expect(await tables()).toEqual(before);
  });

  it("prints the plan with --dry-run and writes nothing", async () => {
    await importThenDeleteMostUsers();
    const before = await tables();
    const run = await syncClerk(api, "--dry-run");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Dry run: nothing was written");
    expect(run.stdout).toMatch(/users to tombstone: (user_\d+, ){6}user_\d+/);
    expect(run.stdout).toContain("Without --force, a run would refuse: it would tombstone 7 of 12 users");
    expect(await tables()).toEqual(before);
  });

  it("refuses the tombstones without --force and goes ahead with it", async () => {
    await importThenDeleteMostUsers();
    const refused = await syncClerk(api);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Refusing to reconcile: it would tombstone 7 of 12 users");
    expect(await db.user.count({ where: { deletedAt: { not: null } } })).toBe(0);

    const forced = await syncClerk(api, "--force");
    expect(forced.code).toBe(0);
    expect(await db.user.count({ where: { deletedAt: { not: null } } })).toBe(7);
  });

  it("exits non-zero with Clerk's reason when the key is refused", async () => {
    const run = await syncClerk({ ...api, secretKey: "sk_test_revoked" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Clerk's Backend API answered with an error: invalid secret key");
  });

  it("exits non-zero on an unknown option", async () => {
    const run = await syncClerk(api, "--dryrun");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("--dryrun");
  });
});

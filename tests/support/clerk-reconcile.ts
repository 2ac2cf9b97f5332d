/**
 * The sync-clerk test files' common ground: a stand-in Clerk instance (two organizations, five users,
 * Acme on a paid plan) seeded afresh before each test, emptied synced tables, and the reconcile run
 * against it in-process.
 */
import { createClerkClient } from "@clerk/backend";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { reconcileWithClerk } from "@/server/webhooks/clerk/reconcile";
import { type ClerkApiServer, clerkJson, startClerkApiServer } from "./clerk-api-server";
import { captureDeliveryLogs, loadWebhookRoute } from "./svix-route";
import { readSyncedTables } from "./synced-tables";

export const { db, deliver } = await loadWebhookRoute();
/** The stand-in Clerk instance, started by `setUpSeededClerkInstance`. */
export let api: ClerkApiServer;

export const reconcileWith = (
  server: ClerkApiServer,
  options: { onProgress?: (message: string) => void; dryRun?: boolean; force?: boolean } = {},
) =>
  reconcileWithClerk({
    clerk: createClerkClient({ secretKey: server.secretKey, apiUrl: server.apiUrl }),
    db,
    pageSize: 2,
    ...options,
  });
export const reconcile = async (onProgress?: (message: string) => void) =>
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

export function acmeSubscription(updatedAt: number, status: string) {
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

/** Starts the stand-in for the file, and seeds it and empties the synced tables before each test. */
export function setUpSeededClerkInstance(): void {
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
}

export const tables = () => readSyncedTables(process.env.DATABASE_URL as string);

/** Another Clerk instance (a test key against live data): none of our ids exists in it. */
export async function startOtherInstance(): Promise<ClerkApiServer> {
  const other = await startClerkApiServer();
  const stranger = clerkJson.user("user_stranger", 1000);
  const initech = clerkJson.organization("org_initech", 1000);
  other.instance.users = [stranger];
  other.instance.organizations = [initech];
  other.instance.memberships = [clerkJson.membership("orgmem_stranger", stranger, initech, 1000)];
  return other;
}

/** 12 users stored; Clerk then deleted 7 of them: more than 10% and more than a handful. */
export async function importThenDeleteMostUsers(): Promise<void> {
  api.instance.users = Array.from({ length: 12 }, (_, index) => clerkJson.user(`user_${index}`, 1000));
  api.instance.memberships = [];
  await reconcile();
  api.instance.users = api.instance.users.slice(0, 5);
}

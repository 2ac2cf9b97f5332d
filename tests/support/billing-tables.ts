/**
 * The Clerk Billing tables in a comparable form (Clerk ids instead of row ids, timestamps as ms), read
 * with plain `pg` like `synced-tables.ts`: what the billing convergence test compares.
 */
import type pg from "pg";
import { withClient } from "./synced-tables";

export interface BillingTables {
  organizations: Array<{ clerkId: string; name: string; clerkUpdatedAt: number | null }>;
  subscriptions: Array<{
    clerkId: string;
    organization: string;
    status: string;
    pastDueAt: number | null;
    clerkUpdatedAt: number;
  }>;
  items: Array<{
    clerkId: string;
    subscription: string | null;
    organization: string | null;
    status: string;
    planSlug: string | null;
    clerkUpdatedAt: number;
  }>;
  paymentAttempts: Array<{
    clerkId: string;
    organization: string | null;
    status: string;
    clerkUpdatedAt: number;
  }>;
}

const ms = (value: Date | null) => value?.getTime() ?? null;

export function readBillingTables(databaseUrl: string): Promise<BillingTables> {
  return withClient(databaseUrl, async (client: pg.Client) => {
    const organizations = await client.query("SELECT clerk_id, name, clerk_updated_at FROM organizations");
    const subscriptions = await client.query(
      `SELECT s.clerk_id, o.clerk_id AS organization, s.status, s.past_due_at, s.clerk_updated_at
         FROM billing_subscriptions s JOIN organizations o ON o.id = s.organization_id`,
    );
    const items = await client.query(
      `SELECT i.clerk_id, i.subscription_clerk_id, o.clerk_id AS organization, i.status, i.plan_slug, i.clerk_updated_at
         FROM billing_subscription_items i LEFT JOIN organizations o ON o.id = i.organization_id`,
    );
    const attempts = await client.query(
      `SELECT a.clerk_id, o.clerk_id AS organization, a.status, a.clerk_updated_at
         FROM billing_payment_attempts a LEFT JOIN organizations o ON o.id = a.organization_id`,
    );
    return sortBillingTables({
      organizations: organizations.rows.map((row) => ({
        clerkId: row.clerk_id,
        name: row.name,
        clerkUpdatedAt: ms(row.clerk_updated_at),
      })),
      subscriptions: subscriptions.rows.map((row) => ({
        clerkId: row.clerk_id,
        organization: row.organization,
        status: row.status,
        pastDueAt: ms(row.past_due_at),
        clerkUpdatedAt: ms(row.clerk_updated_at) as number,
      })),
      items: items.rows.map((row) => ({
        clerkId: row.clerk_id,
        subscription: row.subscription_clerk_id,
        organization: row.organization,
        status: row.status,
        planSlug: row.plan_slug,
        clerkUpdatedAt: ms(row.clerk_updated_at) as number,
      })),
      paymentAttempts: attempts.rows.map((row) => ({
        clerkId: row.clerk_id,
        organization: row.organization,
        status: row.status,
        clerkUpdatedAt: ms(row.clerk_updated_at) as number,
      })),
    });
  });
}

export function sortBillingTables(tables: BillingTables): BillingTables {
  const byId = (a: { clerkId: string }, b: { clerkId: string }) => a.clerkId.localeCompare(b.clerkId);
  return {
    organizations: [...tables.organizations].sort(byId),
    subscriptions: [...tables.subscriptions].sort(byId),
    items: [...tables.items].sort(byId),
    paymentAttempts: [...tables.paymentAttempts].sort(byId),
  };
}

/** Empties what a billing history writes (the organizations' rows take their billing rows with them). */
export function clearBillingTables(databaseUrl: string): Promise<void> {
  return withClient(databaseUrl, async (client) => {
    await client.query(
      "DELETE FROM billing_payment_attempts; DELETE FROM billing_subscription_items; DELETE FROM billing_subscriptions; DELETE FROM organizations; DELETE FROM webhook_events",
    );
  });
}

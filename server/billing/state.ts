import "server-only";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { DEFAULT_PLAN_SLUG, type Entitlements, featuresOfPlan } from "./plans";

/**
 * The organization's billing as the synced rows say it (`server/webhooks/clerk/subscriptions.ts`).
 * Feature checks read the session token (`context.entitlements`); these rows add what a token does not
 * carry: whether a payment is past due, and the plan of a credential without billing claims (API keys).
 */

// The item an organization is on now. `canceled` still runs to the end of its period, then `ended`.
const CURRENT_ITEM_STATUSES = ["active", "past_due", "canceled"];

export interface BillingState {
  /** Clerk's subscription status (`active`, `past_due`, …), or `none` before any subscription synced. */
  status: string;
  /** A payment is overdue: Clerk retries it; paid features are read-only meanwhile (docs/billing.md). */
  pastDue: boolean;
  plan: { slug: string | null; name: string | null; status: string; periodEnd: string | null } | null;
}

type Reader = Pick<Prisma.TransactionClient, "billingSubscription" | "billingSubscriptionItem">;

export async function storedBillingState(tx: Reader, organizationId: string): Promise<BillingState> {
  const subscription = await tx.billingSubscription.findFirst({
    where: { organizationId },
    orderBy: { clerkUpdatedAt: "desc" },
    select: { status: true },
  });
  const items = await tx.billingSubscriptionItem.findMany({
    where: { organizationId, status: { in: CURRENT_ITEM_STATUSES } },
    orderBy: [{ periodStart: "desc" }, { clerkUpdatedAt: "desc" }],
  });
  // A paid item outranks the default plan's item, which Clerk keeps beside it.
  const current = items.find((item) => item.planSlug !== DEFAULT_PLAN_SLUG) ?? items[0];
  // The past-due rule; `storedPastDue` below states it again in SQL.
  const pastDue = subscription?.status === "past_due" || items.some((item) => item.status === "past_due");
  return {
    status: subscription?.status ?? "none",
    pastDue,
    plan: current
      ? {
          slug: current.planSlug,
          name: current.planName,
          status: current.status,
          periodEnd: current.periodEnd?.toISOString() ?? null,
        }
      : null,
  };
}

/**
 * The entitlements of an organization (Clerk id) from the synced subscription: for a credential that
 * has no `pla` / `fea` claims, such as an organization API key. Lags Clerk by a webhook delivery.
 */
export async function storedEntitlements(clerkOrgId: string): Promise<Entitlements> {
  const organization = await db.organization.findUnique({
    where: { clerkId: clerkOrgId },
    select: { id: true },
  });
  if (!organization) return { plan: null, features: [] };
  const { plan } = await storedBillingState(db, organization.id);
  const slug = plan?.slug ?? null;
  return { plan: slug, features: featuresOfPlan(slug) };
}

/**
 * `storedBillingState(…).pastDue` of an organization (Clerk id) in one statement outside a transaction,
 * for the banner every organization page shows: the newest subscription is past due, or one of its
 * items is. Billing rows are not row-level-security tables, so they are read like `storedEntitlements`
 * reads them, by the verified session's organization.
 */
export async function storedPastDue(clerkOrgId: string): Promise<boolean> {
  const [row] = await db.$queryRaw<Array<{ pastDue: boolean }>>`
    SELECT coalesce((SELECT s.status = 'past_due' FROM billing_subscriptions s WHERE s.organization_id = o.id
                     ORDER BY s.clerk_updated_at DESC LIMIT 1), false)
        OR EXISTS (SELECT 1 FROM billing_subscription_items i WHERE i.organization_id = o.id AND i.status = 'past_due')
        AS "pastDue"
    FROM organizations o
    WHERE o.clerk_id = ${clerkOrgId} AND o.deleted_at IS NULL`;
  return row?.pastDue ?? false;
}

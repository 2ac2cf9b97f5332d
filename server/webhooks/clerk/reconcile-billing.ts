import "server-only";
import type { ClerkClient } from "@clerk/backend";
import type { Payer, SubscriptionSnapshot } from "./billing-payloads";
import { isNotFound } from "./reconcile-checks";

type BillingSubscription = Awaited<ReturnType<ClerkClient["billing"]["getOrganizationBillingSubscription"]>>;

/**
 * An organization's Clerk Billing subscription from the Backend API, as the snapshot the webhooks
 * apply (`applySubscriptionSnapshot`), or null when Clerk has none for it (Billing not enabled: 404).
 * Nothing is tombstoned from here: Clerk ends subscriptions by status, and the status comes along.
 */
export async function pullOrganizationSubscription(
  clerk: ClerkClient,
  organizationId: string,
): Promise<SubscriptionSnapshot | null> {
  let subscription: BillingSubscription;
  try {
    subscription = await clerk.billing.getOrganizationBillingSubscription(organizationId);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  // The organization was applied just before, so its row exists and the empty name is never used.
  const payer: Payer = {
    kind: "organization",
    organization: { clerkId: organizationId, name: "", imageUrl: null },
  };
  const date = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms));
  return {
    clerkId: subscription.id,
    payer,
    status: subscription.status,
    pastDueAt: date(subscription.pastDueAt),
    clerkUpdatedAt: new Date(subscription.updatedAt),
    items: subscription.subscriptionItems.map((item) => ({
      clerkId: item.id,
      subscriptionClerkId: subscription.id,
      payer,
      status: item.status,
      planSlug: item.plan?.slug ?? null,
      planName: item.plan?.name ?? null,
      periodStart: date(item.periodStart),
      periodEnd: date(item.periodEnd),
      pastDueAt: date(item.pastDueAt),
      canceledAt: date(item.canceledAt),
      clerkUpdatedAt: new Date(item.updatedAt),
    })),
  };
}

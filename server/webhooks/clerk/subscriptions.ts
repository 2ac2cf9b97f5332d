import "server-only";
import type {
  Payer,
  PaymentAttemptSnapshot,
  SubscriptionItemSnapshot,
  SubscriptionSnapshot,
} from "./billing-payloads";
import { type Change, changeOf, exclusive, isNewer, lockObjects, type Tx } from "./changes";
import type { OrganizationPlaceholder } from "./payloads";
import { ensureOrganization } from "./placeholders";

/**
 * Clerk Billing's `subscription.*`, `subscriptionItem.*` and `paymentAttempt.*`, and each subscription
 * the reconcile pulls: order-safe upserts like memberships'. Each object (subscription, item, attempt)
 * keeps the newest version Clerk sent (its own `updated_at`), whichever event carried it: a
 * subscription event carries its items too, so an item's state converges whatever the delivery order.
 * An organization we have not seen yet gets the sync's placeholder row. A user's own subscription
 * (no organization) is not stored: this starter bills organizations. Nothing here is ever deleted:
 * Clerk ends subscriptions and items by status.
 */

/** Every write of one subscription and its items takes this lock, so their reads and writes cannot interleave. */
const subscriptionLock = (clerkId: string) => exclusive(`billing:${clerkId}`);

export async function applySubscriptionSnapshot(
  tx: Tx,
  subscription: SubscriptionSnapshot,
): Promise<Change[]> {
  const { clerkId } = subscription;
  if (subscription.payer.kind !== "organization") return [changeOf("subscription", clerkId, "unchanged")];
  await lockObjects(tx, subscriptionLock(clerkId));
  const changes: Change[] = [];
  const organizationId = await organizationIdOf(tx, subscription.payer.organization, changes);
  const data = {
    organizationId,
    status: subscription.status,
    pastDueAt: subscription.pastDueAt,
    clerkUpdatedAt: subscription.clerkUpdatedAt,
  };
  const row = await tx.billingSubscription.findUnique({
    where: { clerkId },
    select: { clerkUpdatedAt: true },
  });
  if (!row) {
    await tx.billingSubscription.create({ data: { clerkId, ...data } });
    changes.push(changeOf("subscription", clerkId, "created"));
  } else if (isNewer(subscription.clerkUpdatedAt, row.clerkUpdatedAt)) {
    await tx.billingSubscription.update({ where: { clerkId }, data });
    changes.push(changeOf("subscription", clerkId, "updated"));
  } else {
    changes.push(changeOf("subscription", clerkId, "unchanged"));
  }
  for (const item of subscription.items) {
    changes.push(await applyItem(tx, { ...item, subscriptionClerkId: clerkId }, organizationId));
  }
  // Items whose own events came first, without a payer: now we know whose they are.
  const { count } = await tx.billingSubscriptionItem.updateMany({
    where: { subscriptionClerkId: clerkId, organizationId: null },
    data: { organizationId },
  });
  if (count > 0) changes.push(changeOf("subscription", clerkId, "updated"));
  return changes;
}

export async function applySubscriptionItemSnapshot(
  tx: Tx,
  item: SubscriptionItemSnapshot,
): Promise<Change[]> {
  if (item.payer.kind === "user") return [changeOf("subscriptionItem", item.clerkId, "unchanged")];
  await lockObjects(tx, subscriptionLock(item.subscriptionClerkId ?? item.clerkId));
  const changes: Change[] = [];
  let organizationId = await organizationRowId(tx, item.payer, changes);
  if (!organizationId && item.subscriptionClerkId) {
    const subscription = await tx.billingSubscription.findUnique({
      where: { clerkId: item.subscriptionClerkId },
      select: { organizationId: true },
    });
    organizationId = subscription?.organizationId ?? null;
  }
  changes.push(await applyItem(tx, item, organizationId));
  return changes;
}

/** One item, under its subscription's lock: the newer version wins; a known organization is never forgotten. */
async function applyItem(
  tx: Tx,
  item: SubscriptionItemSnapshot,
  organizationId: string | null,
): Promise<Change> {
  const { clerkId } = item;
  const row = await tx.billingSubscriptionItem.findUnique({
    where: { clerkId },
    select: { clerkUpdatedAt: true, organizationId: true, subscriptionClerkId: true },
  });
  const data = {
    status: item.status,
    planSlug: item.planSlug,
    planName: item.planName,
    periodStart: item.periodStart,
    periodEnd: item.periodEnd,
    pastDueAt: item.pastDueAt,
    canceledAt: item.canceledAt,
    clerkUpdatedAt: item.clerkUpdatedAt,
  };
  if (!row) {
    await tx.billingSubscriptionItem.create({
      data: { clerkId, subscriptionClerkId: item.subscriptionClerkId, organizationId, ...data },
    });
    return changeOf("subscriptionItem", clerkId, "created");
  }
  const newer = isNewer(item.clerkUpdatedAt, row.clerkUpdatedAt);
  const learnsOwner =
    (!row.organizationId && organizationId !== null) ||
    (!row.subscriptionClerkId && item.subscriptionClerkId !== null);
  if (!newer && !learnsOwner) return changeOf("subscriptionItem", clerkId, "unchanged");
  await tx.billingSubscriptionItem.update({
    where: { clerkId },
    data: {
      ...(newer ? data : {}),
      organizationId: row.organizationId ?? organizationId,
      subscriptionClerkId: row.subscriptionClerkId ?? item.subscriptionClerkId,
    },
  });
  return changeOf("subscriptionItem", clerkId, "updated");
}

/** `paymentAttempt.*`: kept for the platform admins' view, the newest version of each attempt. */
export async function applyPaymentAttemptSnapshot(
  tx: Tx,
  attempt: PaymentAttemptSnapshot,
): Promise<Change[]> {
  const { clerkId, payer, ...fields } = attempt;
  await lockObjects(tx, exclusive(`billing:${clerkId}`));
  const changes: Change[] = [];
  const organizationId = await organizationRowId(tx, payer, changes);
  const row = await tx.billingPaymentAttempt.findUnique({
    where: { clerkId },
    select: { clerkUpdatedAt: true },
  });
  if (!row) {
    await tx.billingPaymentAttempt.create({ data: { clerkId, organizationId, ...fields } });
    return [...changes, changeOf("paymentAttempt", clerkId, "created")];
  }
  if (!isNewer(attempt.clerkUpdatedAt, row.clerkUpdatedAt)) {
    return [...changes, changeOf("paymentAttempt", clerkId, "unchanged")];
  }
  await tx.billingPaymentAttempt.update({ where: { clerkId }, data: { organizationId, ...fields } });
  return [...changes, changeOf("paymentAttempt", clerkId, "updated")];
}

/** The organization row a payer names (a placeholder if `organization.created` has not arrived), else null. */
async function organizationRowId(tx: Tx, payer: Payer, changes: Change[]): Promise<string | null> {
  return payer.kind === "organization" ? organizationIdOf(tx, payer.organization, changes) : null;
}

async function organizationIdOf(
  tx: Tx,
  organization: OrganizationPlaceholder,
  changes: Change[],
): Promise<string> {
  const row = await tx.organization.findUnique({
    where: { clerkId: organization.clerkId },
    select: { id: true, deletedAt: true },
  });
  return (await ensureOrganization(tx, organization, row, changes)).id;
}

import "server-only";
import { z } from "zod";
import { clerkTime, type OrganizationPlaceholder, optionalText } from "./payloads";

/**
 * What the sync reads from Clerk Billing's JSON: `subscription.*` (a subscription with its `items`),
 * `subscriptionItem.*` (one item, naming its `subscription_id`) and `paymentAttempt.*`, as in Clerk's
 * webhook OpenAPI examples (tests/fixtures/clerk-webhooks/billing/). The Backend API's subscription
 * (the reconcile's) names its items `subscription_items` and has no `payer`: the caller knows whose it is.
 * Only the stored fields are validated; timestamps are Clerk's milliseconds.
 */

const optionalTime = clerkTime.nullish().transform((value) => value ?? null);

/** Clerk sends `organization_id: ""` for a user's own subscription: only a real id names an organization. */
const payerSchema = z
  .object({ organization_id: optionalText, organization_name: optionalText, user_id: optionalText })
  .nullish()
  .transform((payer): Payer => {
    if (!payer) return { kind: "unknown" };
    if (payer.organization_id) {
      return {
        kind: "organization",
        organization: {
          clerkId: payer.organization_id,
          name: payer.organization_name ?? "",
          imageUrl: null,
        },
      };
    }
    return { kind: "user" };
  });

/** Whose billing object this is. `unknown` when an item event leaves out its payer. */
export type Payer =
  | { kind: "organization"; organization: OrganizationPlaceholder }
  | { kind: "user" }
  | { kind: "unknown" };

export interface SubscriptionItemSnapshot {
  clerkId: string;
  subscriptionClerkId: string | null;
  payer: Payer;
  status: string;
  planSlug: string | null;
  planName: string | null;
  periodStart: Date | null;
  periodEnd: Date | null;
  pastDueAt: Date | null;
  canceledAt: Date | null;
  clerkUpdatedAt: Date;
}

export const subscriptionItemSnapshotSchema = z
  .object({
    id: z.string().min(1),
    status: z.string().min(1),
    updated_at: clerkTime,
    subscription_id: optionalText,
    payer: payerSchema,
    plan: z.object({ slug: z.string().min(1), name: z.string() }).nullish(),
    period_start: optionalTime,
    period_end: optionalTime,
    past_due_at: optionalTime,
    canceled_at: optionalTime,
  })
  .transform(
    (item): SubscriptionItemSnapshot => ({
      clerkId: item.id,
      subscriptionClerkId: item.subscription_id,
      payer: item.payer,
      status: item.status,
      planSlug: item.plan?.slug ?? null,
      planName: item.plan?.name ?? null,
      periodStart: item.period_start,
      periodEnd: item.period_end,
      pastDueAt: item.past_due_at,
      canceledAt: item.canceled_at,
      clerkUpdatedAt: item.updated_at,
    }),
  );

export interface SubscriptionSnapshot {
  clerkId: string;
  payer: Payer;
  status: string;
  pastDueAt: Date | null;
  clerkUpdatedAt: Date;
  items: SubscriptionItemSnapshot[];
}

export const subscriptionSnapshotSchema = z
  .object({
    id: z.string().min(1),
    status: z.string().min(1),
    updated_at: clerkTime,
    past_due_at: optionalTime,
    payer: payerSchema,
    items: z.array(subscriptionItemSnapshotSchema).nullish(),
    subscription_items: z.array(subscriptionItemSnapshotSchema).nullish(),
  })
  .transform(
    (subscription): SubscriptionSnapshot => ({
      clerkId: subscription.id,
      payer: subscription.payer,
      status: subscription.status,
      pastDueAt: subscription.past_due_at,
      clerkUpdatedAt: subscription.updated_at,
      items: subscription.items ?? subscription.subscription_items ?? [],
    }),
  );

export interface PaymentAttemptSnapshot {
  clerkId: string;
  payer: Payer;
  status: string;
  chargeType: string;
  amount: number | null;
  currency: string | null;
  failedReason: string | null;
  billingDate: Date | null;
  clerkUpdatedAt: Date;
}

export const paymentAttemptSnapshotSchema = z
  .object({
    id: z.string().min(1),
    status: z.string().min(1),
    charge_type: z.string().min(1),
    updated_at: clerkTime,
    billing_date: optionalTime,
    payer: payerSchema,
    failed_reason: z.object({ code: optionalText, decline_code: optionalText }).nullish(),
    totals: z
      .object({ grand_total: z.object({ amount: z.number().int(), currency: z.string() }).nullish() })
      .nullish(),
  })
  .transform(
    (attempt): PaymentAttemptSnapshot => ({
      clerkId: attempt.id,
      payer: attempt.payer,
      status: attempt.status,
      chargeType: attempt.charge_type,
      amount: attempt.totals?.grand_total?.amount ?? null,
      currency: attempt.totals?.grand_total?.currency ?? null,
      failedReason:
        [attempt.failed_reason?.code, attempt.failed_reason?.decline_code].filter(Boolean).join(": ") || null,
      billingDate: attempt.billing_date,
      clerkUpdatedAt: attempt.updated_at,
    }),
  );

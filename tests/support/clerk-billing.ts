/**
 * Clerk Billing JSON in the shapes of Clerk's webhook examples (tests/fixtures/clerk-webhooks/billing/),
 * with the fields a test varies: which organization pays, for which plan, in which status, when.
 */
export interface ItemOptions {
  plan?: string;
  status?: string;
  /** Item events name their subscription; items inside a subscription event leave it null. */
  subscriptionId?: string | null;
  /** The paying organization, as an item event's `payer`; omitted when undefined. */
  organizationId?: string;
  periodStart?: number;
}

const payer = (organizationId: string) => ({
  object: "commerce_payer",
  id: `cpayer_${organizationId}`,
  organization_id: organizationId,
  organization_name: `Org ${organizationId}`,
  email: "billing@example.com",
  image_url: "https://img.clerk.com/xxxxxx",
  created_at: 1,
  updated_at: 1,
});

export const billingJson = {
  item: (id: string, updatedAt: number, options: ItemOptions = {}) => ({
    object: "commerce_subscription_item",
    id,
    status: options.status ?? "active",
    is_free_trial: false,
    created_at: 1,
    updated_at: updatedAt,
    period_start: options.periodStart ?? 1,
    period_end: (options.periodStart ?? 1) + 2_592_000_000,
    interval: "month",
    plan_id: `cplan_${options.plan ?? "pro"}`,
    plan: { id: `cplan_${options.plan ?? "pro"}`, slug: options.plan ?? "pro", name: options.plan ?? "pro" },
    subscription_id: options.subscriptionId ?? null,
    ...(options.organizationId ? { payer: payer(options.organizationId) } : {}),
  }),
  subscription: (
    id: string,
    organizationId: string,
    updatedAt: number,
    { status = "active", items = [] as unknown[] } = {},
  ) => ({
    object: "commerce_subscription",
    id,
    status,
    active_at: 1,
    canceled_at: null,
    created_at: 1,
    ended_at: null,
    past_due_at: status === "past_due" ? updatedAt : null,
    updated_at: updatedAt,
    latest_payment_id: "cpa_1",
    payer_id: `cpayer_${organizationId}`,
    payer: payer(organizationId),
    payment_source_id: "cps_1",
    items,
  }),
  paymentAttempt: (id: string, organizationId: string, updatedAt: number, status = "failed") => ({
    id,
    status,
    charge_type: "recurring",
    created_at: 1,
    updated_at: updatedAt,
    billing_date: updatedAt,
    failed_reason: status === "failed" ? { code: "card_declined", decline_code: "insufficient_funds" } : null,
    payer: payer(organizationId),
    totals: { grand_total: { amount: 2000, currency: "USD" } },
    subscription_items: [],
  }),
};

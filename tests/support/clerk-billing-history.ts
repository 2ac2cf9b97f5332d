/**
 * A small simulated Clerk Billing: organizations start on the free plan, upgrade, miss a payment,
 * recover, cancel and fall back to the free plan, and Clerk emits `subscription.*`,
 * `subscriptionItem.*` and `paymentAttempt.*` (and `organization.created`) as it would. It knows the
 * truth: what the billing tables must hold once every event has been applied. For the convergence test.
 */
import { type BillingTables, sortBillingTables } from "./billing-tables";
import { type HistoryEvent, seededRandom } from "./clerk-history";

interface SimItem {
  id: string;
  plan: "free_org" | "pro";
  status: string;
  periodStart: number;
  updatedAt: number;
}
interface SimSubscription {
  id: string;
  org: { id: string; name: string; updatedAt: number };
  status: string;
  pastDueAt: number | null;
  updatedAt: number;
  items: SimItem[];
}

export function simulateBillingHistory(
  seed: number,
  steps: number,
): { events: HistoryEvent[]; expected: BillingTables } {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const events: HistoryEvent[] = [];
  const attempts: BillingTables["paymentAttempts"] = [];
  let clock = 1_735_689_600_000;
  let serial = 0;
  const tick = () => (clock += 1 + Math.floor(random() * 900));
  const id = (prefix: string) => `${prefix}_b${(++serial).toString(36).padStart(4, "0")}`;
  const emit = (type: string, data: unknown) =>
    events.push({
      svixId: `msg_b${events.length.toString(36).padStart(5, "0")}_${seed}`,
      type,
      body: JSON.stringify({ data, object: "event", type, timestamp: clock, instance_id: "ins_sim" }),
    });
  const payer = (subscription: SimSubscription) => ({
    object: "commerce_payer",
    id: `cpayer_${subscription.org.id}`,
    organization_id: subscription.org.id,
    organization_name: subscription.org.name,
  });
  const itemJson = (subscription: SimSubscription, item: SimItem, inEvent: "item" | "subscription") => ({
    object: "commerce_subscription_item",
    id: item.id,
    status: item.status,
    created_at: item.periodStart,
    updated_at: item.updatedAt,
    period_start: item.periodStart,
    period_end: item.periodStart + 2_592_000_000,
    plan: { id: `cplan_${item.plan}`, slug: item.plan, name: item.plan },
    // Inside a subscription event Clerk leaves it null; an item event names it, its payer not always.
    subscription_id: inEvent === "item" ? subscription.id : null,
    ...(inEvent === "item" && random() < 0.5 ? { payer: payer(subscription) } : {}),
  });
  const subscriptionJson = (subscription: SimSubscription) => ({
    object: "commerce_subscription",
    id: subscription.id,
    status: subscription.status,
    past_due_at: subscription.pastDueAt,
    updated_at: subscription.updatedAt,
    payer: payer(subscription),
    items: subscription.items.map((item) => itemJson(subscription, item, "subscription")),
  });
  const itemEvent = (subscription: SimSubscription, item: SimItem, status: string, verb: string) => {
    item.status = status;
    item.updatedAt = tick();
    emit(`subscriptionItem.${verb}`, itemJson(subscription, item, "item"));
  };
  const subscriptionEvent = (subscription: SimSubscription, verb: string, status = subscription.status) => {
    subscription.status = status;
    subscription.pastDueAt = status === "past_due" ? (subscription.pastDueAt ?? clock) : null;
    subscription.updatedAt = tick();
    emit(`subscription.${verb}`, subscriptionJson(subscription));
  };
  const payment = (subscription: SimSubscription, outcome: "paid" | "failed") => {
    const attempt = {
      clerkId: id("pa"),
      organization: subscription.org.id,
      status: "pending",
      clerkUpdatedAt: tick(),
    };
    const json = () => ({
      id: attempt.clerkId,
      status: attempt.status,
      charge_type: "recurring",
      updated_at: attempt.clerkUpdatedAt,
      payer: payer(subscription),
      totals: { grand_total: { amount: 2000, currency: "USD" } },
    });
    emit("paymentAttempt.created", json());
    attempt.status = outcome;
    attempt.clerkUpdatedAt = tick();
    emit("paymentAttempt.updated", json());
    attempts.push(attempt);
  };

  const subscriptions: SimSubscription[] = [];
  for (let index = 0; index < 2; index += 1) {
    const org = { id: id("org"), name: `Org ${serial}`, updatedAt: tick() };
    emit("organization.created", {
      object: "organization",
      id: org.id,
      name: org.name,
      slug: null,
      updated_at: org.updatedAt,
    });
    const free: SimItem = {
      id: id("csi"),
      plan: "free_org",
      status: "active",
      periodStart: clock,
      updatedAt: tick(),
    };
    const subscription = {
      id: id("csub"),
      org,
      status: "active",
      pastDueAt: null,
      updatedAt: 0,
      items: [free],
    };
    subscriptions.push(subscription);
    subscriptionEvent(subscription, "created");
  }

  const current = (subscription: SimSubscription) =>
    subscription.items.find(
      (item) => ["active", "past_due", "canceled"].includes(item.status) && item.plan === "pro",
    ) ?? subscription.items.find((item) => item.status === "active");
  while (events.length < steps) {
    const subscription = pick(subscriptions);
    const item = current(subscription);
    if (!item) break;
    if (item.plan === "free_org") {
      // Upgrade: the paid item starts, the free one ends.
      const pro: SimItem = {
        id: id("csi"),
        plan: "pro",
        status: "active",
        periodStart: tick(),
        updatedAt: clock,
      };
      subscription.items.push(pro);
      payment(subscription, "paid");
      itemEvent(subscription, pro, "active", "active");
      itemEvent(subscription, item, "ended", "ended");
      subscriptionEvent(subscription, "updated");
    } else if (item.status === "active" && random() < 0.6) {
      payment(subscription, "failed");
      itemEvent(subscription, item, "past_due", "pastDue");
      subscriptionEvent(subscription, "pastDue", "past_due");
    } else if (item.status === "past_due" && random() < 0.5) {
      payment(subscription, "paid");
      itemEvent(subscription, item, "active", "active");
      subscriptionEvent(subscription, "active", "active");
    } else {
      // Canceled, or never paid: the paid item ends and Clerk puts the organization back on the free plan.
      itemEvent(subscription, item, "ended", "ended");
      const free: SimItem = {
        id: id("csi"),
        plan: "free_org",
        status: "active",
        periodStart: tick(),
        updatedAt: clock,
      };
      subscription.items.push(free);
      itemEvent(subscription, free, "active", "active");
      subscriptionEvent(subscription, "updated", "active");
    }
  }

  return {
    events,
    expected: sortBillingTables({
      organizations: subscriptions.map(({ org }) => ({
        clerkId: org.id,
        name: org.name,
        clerkUpdatedAt: org.updatedAt,
      })),
      subscriptions: subscriptions.map((subscription) => ({
        clerkId: subscription.id,
        organization: subscription.org.id,
        status: subscription.status,
        pastDueAt: subscription.pastDueAt,
        clerkUpdatedAt: subscription.updatedAt,
      })),
      items: subscriptions.flatMap((subscription) =>
        subscription.items.map((item) => ({
          clerkId: item.id,
          subscription: subscription.id,
          organization: subscription.org.id,
          status: item.status,
          planSlug: item.plan,
          clerkUpdatedAt: item.updatedAt,
        })),
      ),
      paymentAttempts: attempts,
    }),
  };
}

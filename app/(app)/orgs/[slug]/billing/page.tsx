import { PricingTable } from "@clerk/nextjs";
import type { Metadata } from "next";
import { ClerkWidget } from "@/components/clerk-widget";
import { requireOrgPage } from "@/server/auth/context";
import { FEATURE_DESCRIPTIONS, FEATURES, FREE_PROJECT_LIMIT, PLANS } from "@/server/billing/plans";
import { getBillingOverview } from "@/server/data/billing";
import { forPage } from "@/server/failures/page";

export const metadata: Metadata = { title: "Billing" };

/**
 * The organization's plan: what our database holds (synced from Clerk Billing's webhooks), what each
 * plan unlocks (the same table the server checks), and Clerk's own pricing table to change it.
 * Only for those who may manage billing; everyone else gets the not-found page.
 */
export default async function BillingPage() {
  await requireOrgPage("organization:manage-billing");
  const overview = await forPage(getBillingOverview());
  const planSlug = overview.plan?.slug ?? overview.entitlements.plan;
  // Our table names the plans we know; Clerk's name for one we do not.
  const planName = PLANS.find((plan) => plan.slug === planSlug)?.name ?? overview.plan?.name ?? "Free";
  const unlimited = overview.entitlements.features.includes("unlimited_projects");

  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-2xl font-semibold">Billing</h1>
      {overview.pastDue && (
        <p
          role="alert"
          className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
        >
          A payment is past due. Clerk retries it; until it succeeds, paid features are read-only: what you
          have stays, nothing is added beyond the free plan. Update the payment method below.
        </p>
      )}

      <section
        aria-labelledby="current-plan"
        className="rounded-lg border border-zinc-200 bg-white px-6 py-5"
      >
        <h2 id="current-plan" className="text-lg font-semibold">
          Current plan: <span data-testid="current-plan">{planName}</span>
        </h2>
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
          <dt className="text-zinc-500">Subscription</dt>
          <dd data-testid="subscription-status">{describeStatus(overview.status)}</dd>
          {overview.plan?.periodEnd && (
            <>
              <dt className="text-zinc-500">{overview.plan.status === "canceled" ? "Ends" : "Renews"}</dt>
              <dd>{new Date(overview.plan.periodEnd).toLocaleDateString("en", { dateStyle: "medium" })}</dd>
            </>
          )}
          <dt className="text-zinc-500">Projects</dt>
          <dd>
            {overview.projectCount} {unlimited ? "(unlimited)" : `of ${FREE_PROJECT_LIMIT}`}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="plans">
        <h2 id="plans" className="mb-3 text-lg font-semibold">
          What each plan unlocks
        </h2>
        <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-zinc-200 bg-zinc-50 text-xs uppercase text-zinc-500">
              <tr>
                <th className="px-4 py-2">Feature</th>
                {PLANS.map((plan) => (
                  <th key={plan.slug} className="px-4 py-2">
                    {plan.name}
                    {plan.slug === planSlug ? " (yours)" : ""}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              <tr>
                <td className="px-4 py-2">Projects</td>
                {PLANS.map((plan) => (
                  <td key={plan.slug} className="px-4 py-2">
                    {plan.features.includes("unlimited_projects")
                      ? "Unlimited"
                      : `Up to ${FREE_PROJECT_LIMIT}`}
                  </td>
                ))}
              </tr>
              {FEATURES.filter((feature) => feature !== "unlimited_projects").map((feature) => (
                <tr key={feature}>
                  <td className="px-4 py-2">{FEATURE_DESCRIPTIONS[feature]}</td>
                  {PLANS.map((plan) => (
                    <td key={plan.slug} className="px-4 py-2">
                      {plan.features.includes(feature) ? "✓" : "—"}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="change-plan">
        <h2 id="change-plan" className="mb-3 text-lg font-semibold">
          Change plan
        </h2>
        <ClerkWidget unavailable="Clerk's pricing table">
          <PricingTable for="organization" />
        </ClerkWidget>
      </section>
    </div>
  );
}

const STATUS_TEXT: Record<string, string> = {
  none: "Not synced yet: Clerk's subscription webhook has not arrived",
  active: "Active",
  past_due: "Payment past due",
  ended: "Ended",
  canceled: "Canceled",
  incomplete: "Incomplete",
  abandoned: "Abandoned",
};

function describeStatus(status: string): string {
  return STATUS_TEXT[status] ?? status;
}

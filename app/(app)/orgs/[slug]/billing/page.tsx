import { PricingTable } from "@clerk/nextjs";
import { TriangleAlertIcon } from "lucide-react";
import type { Metadata } from "next";
import { ClerkWidget } from "@/components/clerk-widget";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireOrgPage } from "@/server/auth/context";
import { FREE_PROJECT_LIMIT, PLANS } from "@/server/billing/plans";
import { getBillingOverview } from "@/server/data/billing";
import { forPage } from "@/server/failures/page";
import { PlanFeaturesTable } from "./_components/plan-features-table";

export const metadata: Metadata = { title: "Billing" };

/**
 * The organization's plan: what our database holds (synced from Clerk Billing's webhooks), what each
 * plan unlocks (the same table the server checks), and Clerk's own pricing table to change it — drawn
 * with the app's tokens by the root layout's Clerk appearance (components/clerk-appearance.ts).
 * Only for those who may manage billing; everyone else gets the not-found page.
 */
export default async function BillingPage() {
  await requireOrgPage("organization:manage-billing");
  const overview = await forPage(getBillingOverview());
  const planSlug = overview.plan?.slug ?? overview.entitlements.plan;
  // Our table names the plans we know; Clerk's name for one we do not.
  const planName = PLANS.find((plan) => plan.slug === planSlug)?.name ?? overview.plan?.name ?? "Free";
  const unlimited = overview.entitlements.features.includes("unlimited_projects");
  const status = STATUS[overview.status] ?? { text: overview.status, variant: "outline" as const };

  return (
    <div className="flex flex-col gap-8">
      <h1 className="font-semibold text-2xl">Billing</h1>
      {overview.pastDue && (
        <Alert variant="warning">
          <TriangleAlertIcon aria-hidden="true" />
          <AlertTitle>A payment is past due</AlertTitle>
          <AlertDescription>
            Clerk retries it; until it succeeds, paid features are read-only: what you have stays, nothing is
            added beyond the free plan. Update the payment method below.
          </AlertDescription>
        </Alert>
      )}

      <Card className="max-w-xl">
        <CardHeader>
          <CardTitle>
            <h2 className="text-lg">
              Current plan: <span data-testid="current-plan">{planName}</span>
            </h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-[max-content_1fr] items-center gap-x-6 gap-y-2 text-sm">
            <dt className="text-muted-foreground">Subscription</dt>
            <dd>
              <Badge variant={status.variant} className="whitespace-normal" data-testid="subscription-status">
                {status.text}
              </Badge>
            </dd>
            {overview.plan?.periodEnd && (
              <>
                <dt className="text-muted-foreground">
                  {overview.plan.status === "canceled" ? "Ends" : "Renews"}
                </dt>
                <dd>{new Date(overview.plan.periodEnd).toLocaleDateString("en", { dateStyle: "medium" })}</dd>
              </>
            )}
            <dt className="text-muted-foreground">Projects</dt>
            <dd>
              {overview.projectCount} {unlimited ? "(unlimited)" : `of ${FREE_PROJECT_LIMIT}`}
            </dd>
          </dl>
        </CardContent>
      </Card>

      <section aria-labelledby="plans" className="flex flex-col gap-3">
        <h2 id="plans" className="font-semibold text-lg">
          What each plan unlocks
        </h2>
        <PlanFeaturesTable currentPlan={planSlug} />
      </section>

      <section aria-labelledby="change-plan" className="flex flex-col gap-3">
        <h2 id="change-plan" className="font-semibold text-lg">
          Change plan
        </h2>
        <ClerkWidget unavailable="Clerk's pricing table">
          <PricingTable for="organization" />
        </ClerkWidget>
      </section>
    </div>
  );
}

type BadgeVariant = "success" | "warning" | "destructive" | "secondary" | "outline";

const STATUS: Record<string, { text: string; variant: BadgeVariant }> = {
  none: { text: "Not synced yet: Clerk's subscription webhook has not arrived", variant: "outline" },
  active: { text: "Active", variant: "success" },
  past_due: { text: "Payment past due", variant: "warning" },
  ended: { text: "Ended", variant: "secondary" },
  canceled: { text: "Canceled", variant: "secondary" },
  incomplete: { text: "Incomplete", variant: "warning" },
  abandoned: { text: "Abandoned", variant: "secondary" },
};

import { SparklesIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { organizationPath } from "@/lib/auth/routes";
import { FEATURE_DESCRIPTIONS, type Feature, planUnlocking } from "@/server/billing/plans";

/**
 * Where a page would show a paid feature the organization's plan lacks: what upgrading unlocks, and
 * the way there for those who may manage billing (others are told whom to ask), instead of hiding it.
 */
export function UpgradeNotice({
  slug,
  feature,
  canManageBilling,
}: {
  slug: string;
  feature: Feature;
  canManageBilling: boolean;
}) {
  const plan = planUnlocking(feature);
  return (
    <Card role="region" aria-label="Upgrade" data-testid="upgrade-notice" className="max-w-xl">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <SparklesIcon className="size-4 text-primary" aria-hidden="true" />
          Available on the {plan?.name ?? "paid"} plan
        </CardTitle>
        <CardDescription>
          {FEATURE_DESCRIPTIONS[feature]}. The {plan?.name ?? "paid"} plan includes:{" "}
          {plan?.summary ?? "see the plans"}.
        </CardDescription>
      </CardHeader>
      <CardFooter>
        {canManageBilling ? (
          <Button asChild>
            <Link href={organizationPath(slug, "billing")}>See plans and upgrade →</Link>
          </Button>
        ) : (
          <p className="text-muted-foreground text-sm">Ask an admin of your organization to upgrade.</p>
        )}
      </CardFooter>
    </Card>
  );
}

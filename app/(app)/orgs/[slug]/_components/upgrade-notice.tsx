import Link from "next/link";
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
    <section
      aria-label="Upgrade"
      data-testid="upgrade-notice"
      className="flex flex-col gap-3 rounded-lg border border-indigo-200 bg-indigo-50 px-6 py-5 text-sm text-indigo-950"
    >
      <p>
        <strong className="font-semibold">{FEATURE_DESCRIPTIONS[feature]}</strong> comes with the{" "}
        {plan?.name ?? "paid"} plan: {plan?.summary ?? "see the plans"}.
      </p>
      {canManageBilling ? (
        <Link
          href={organizationPath(slug, "billing")}
          className="font-medium text-indigo-700 hover:underline"
        >
          See plans and upgrade →
        </Link>
      ) : (
        <p>Ask an admin of your organization to upgrade.</p>
      )}
    </section>
  );
}

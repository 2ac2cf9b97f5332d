import "server-only";

/**
 * The one table of what each plan unlocks, beside the permission table (`server/auth/permissions.ts`):
 * roles say who may do a thing, plans say whether the organization has paid for it. Clerk Billing owns
 * the plans, the features and the subscriptions; the app owns what a feature means.
 *
 * The keys are Clerk's slugs. Create the same plans (for organizations) and features in the Clerk
 * Dashboard (Billing → Plans), attach each feature to the plans listed here — see docs/billing.md.
 * Every check asks Clerk's `has({ feature })` of the verified session token, whose `fea` claim lists
 * the organization's features (`o:activity_log,…`): no network, no database.
 */

export const FEATURES = ["unlimited_projects", "activity_log", "api_keys"] as const;
export type Feature = (typeof FEATURES)[number];

/** What each feature unlocks, in the words the billing page and the upgrade notices use. */
export const FEATURE_DESCRIPTIONS: Readonly<Record<Feature, string>> = {
  unlimited_projects: "Unlimited projects",
  activity_log: "The activity log: who changed what, and when",
  api_keys: "Organization API keys for scripts and integrations",
};

/** Without `unlimited_projects`, an organization may hold this many projects. */
export const FREE_PROJECT_LIMIT = 3;

export interface Plan {
  slug: string;
  name: string;
  features: readonly Feature[];
  /** What the plan allows, for people: the billing page lists it. */
  summary: string;
}

/** Clerk creates it itself: the plan every organization's subscription starts on, and falls back to. */
export const DEFAULT_PLAN_SLUG = "free_org";

export const PLANS: readonly Plan[] = [
  { slug: DEFAULT_PLAN_SLUG, name: "Free", features: [], summary: `Up to ${FREE_PROJECT_LIMIT} projects` },
  { slug: "pro", name: "Pro", features: FEATURES, summary: "Unlimited projects, activity log, API keys" },
];

/** The plan that unlocks `feature` most cheaply: what an upgrade notice points to. */
export function planUnlocking(feature: Feature): Plan | undefined {
  return PLANS.find((plan) => plan.features.includes(feature));
}

/** The features of a plan by its Clerk slug; an unknown slug (not in this table) unlocks nothing. */
export function featuresOfPlan(slug: string | null | undefined): readonly Feature[] {
  return PLANS.find((plan) => plan.slug === slug)?.features ?? [];
}

/** The shape of Clerk's `has()`, narrowed to billing checks. */
export type HasEntitlement = (params: { feature: string } | { plan: string }) => boolean;

/** What the organization has paid for, as the caller's credential says it. */
export interface Entitlements {
  /** The Clerk slug of the organization's plan, or null when the credential names none of ours. */
  plan: string | null;
  features: readonly Feature[];
}

// `org:` asks for the organization's features only: a feature the user bought for themselves
// (a user plan) must not unlock anything for the organization.
export function entitlementsOf(has: HasEntitlement): Entitlements {
  return {
    plan: PLANS.find((plan) => has({ plan: `org:${plan.slug}` }))?.slug ?? null,
    features: FEATURES.filter((feature) => has({ feature: `org:${feature}` })),
  };
}

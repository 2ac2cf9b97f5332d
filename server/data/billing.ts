import "server-only";
import { Failure, PaymentRequiredError } from "@/lib/failure";
import { hasPermission, requireFeature, requireOrgContext } from "../auth/context";
import { isPlatformAdmin } from "../auth/platform-admin";
import { type Entitlements, type Feature, FREE_PROJECT_LIMIT, planUnlocking } from "../billing/plans";
import { type BillingState, storedBillingState, storedPastDue } from "../billing/state";
import { db } from "../db";
import { inTenant, type Tenant, type TenantClient } from "./tenant";

/**
 * A paid feature used to grow (create more): refused when the plan lacks it, and while a payment is
 * past due, when what exists stays readable and editable but nothing new is added.
 */
export async function requireFeatureToGrow(
  tx: TenantClient,
  tenant: Tenant,
  feature: Feature,
): Promise<void> {
  requireFeature(tenant.context, feature);
  if ((await storedBillingState(tx, tenant.organizationId)).pastDue) throw pastDueError();
}

/**
 * Before a project is created: within the free plan's limit, or `unlimited_projects` with no payment
 * past due. The count is taken under a transaction-scoped advisory lock on the organization, so two
 * creates at once (two tabs, two API calls) queue here and the second counts the first's project.
 */
export async function requireProjectQuota(tx: TenantClient, tenant: Tenant): Promise<void> {
  const { features } = tenant.context.entitlements;
  const pastDue = (await storedBillingState(tx, tenant.organizationId)).pastDue;
  if (features.includes("unlimited_projects") && !pastDue) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`project-quota:${tenant.organizationId}`}, 0))`;
  const count = await tx.project.count({ where: { organizationId: tenant.organizationId } });
  if (count < FREE_PROJECT_LIMIT) return;
  if (pastDue) throw pastDueError();
  const plan = planUnlocking("unlimited_projects");
  throw new PaymentRequiredError(
    `Your plan allows up to ${FREE_PROJECT_LIMIT} projects: upgrade to ${plan?.name ?? "a paid plan"} for unlimited projects`,
  );
}

function pastDueError(): PaymentRequiredError {
  return new PaymentRequiredError(
    "A payment for your organization's plan is past due: paid features are read-only until an admin updates the payment method on the billing page",
  );
}

export interface BillingOverview extends BillingState {
  /** What the session token says (Clerk's `pla` / `fea`): the plan the checks use right now. */
  entitlements: Entitlements;
  projectCount: number;
}

/** The billing page: plan and status from the synced rows, entitlements from the token. */
export function getBillingOverview(): Promise<BillingOverview> {
  return inTenant("organization:manage-billing", async (tx, { organizationId, context }) => ({
    ...(await storedBillingState(tx, organizationId)),
    entitlements: context.entitlements,
    projectCount: await tx.project.count({ where: { organizationId } }),
  }));
}

/**
 * For the organization layout's banner: whether to tell this caller (a billing manager) a payment is
 * past due. Read on every page, so in one statement outside a transaction (`storedPastDue`).
 */
export async function pastDueNoticeForCaller(): Promise<boolean> {
  const context = await requireOrgContext();
  if (!hasPermission(context, "organization:manage-billing")) return false;
  return storedPastDue(context.orgId);
}

export interface PaymentAttemptRow {
  clerkId: string;
  organization: string | null;
  status: string;
  chargeType: string;
  amount: number | null;
  currency: string | null;
  failedReason: string | null;
  billingDate: Date | null;
  clerkUpdatedAt: Date;
}

/** Recent payment attempts across organizations, for /admin/billing; platform admins only. */
export async function listRecentPaymentAttempts(limit = 100): Promise<PaymentAttemptRow[]> {
  if (!(await isPlatformAdmin())) throw new Failure("forbidden", "Platform admins only");
  const rows = await db.billingPaymentAttempt.findMany({
    orderBy: { clerkUpdatedAt: "desc" },
    take: limit,
    include: { organization: { select: { name: true, clerkId: true } } },
  });
  return rows.map(({ organization, ...row }) => ({
    clerkId: row.clerkId,
    organization: organization ? organization.name || organization.clerkId : null,
    status: row.status,
    chargeType: row.chargeType,
    amount: row.amount,
    currency: row.currency,
    failedReason: row.failedReason,
    billingDate: row.billingDate,
    clerkUpdatedAt: row.clerkUpdatedAt,
  }));
}

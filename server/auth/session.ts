import "server-only";
import type { SessionAuthObject } from "@clerk/backend";
import { PaymentRequiredError } from "@/lib/failure";
import { type Entitlements, entitlementsOf, FEATURE_DESCRIPTIONS, type Feature } from "../billing/plans";
import { AuthError } from "./errors";
import { type Permission, permissionsOf } from "./permissions";

/** Who is calling, and for which organization: the only source of the tenant for the whole app. */
export interface OrgContext {
  userId: string;
  /** Clerk organization id (`org_…`), from the verified session token — never from a URL or a body. */
  orgId: string;
  orgSlug: string | null;
  /** Clerk's role key as the token carries it: `org:admin`, `org:member` or a custom `org:*`. */
  orgRole: string;
  permissions: readonly Permission[];
  /**
   * The organization's plan and features, from the session token's `pla` / `fea` claims through
   * Clerk's `has()`. A credential without those claims (an organization API key) must fill this from
   * the synced subscription instead: `storedEntitlements()` in `server/data/billing.ts`.
   */
  entitlements: Entitlements;
}

export type Session =
  | { state: "clerk-not-configured" }
  | { state: "signed-out" }
  | { state: "no-organization"; userId: string }
  | { state: "in-organization"; context: OrgContext };

/**
 * Turns the auth object Clerk built from a verified session token into the app's view of the
 * caller. Roles are asked of Clerk's own `has()`, so v1 and v2 session claims read the same.
 */
export function sessionFromAuth(auth: SessionAuthObject): Session {
  if (!auth.isAuthenticated) return { state: "signed-out" };
  if (!auth.orgId || !auth.orgRole) return { state: "no-organization", userId: auth.userId };
  return {
    state: "in-organization",
    context: {
      userId: auth.userId,
      orgId: auth.orgId,
      orgSlug: auth.orgSlug ?? null,
      orgRole: auth.orgRole,
      permissions: permissionsOf((params) => auth.has(params)),
      entitlements: entitlementsOf((params) => auth.has(params)),
    },
  };
}

export function hasPermission(context: OrgContext, permission: Permission): boolean {
  return context.permissions.includes(permission);
}

export function hasFeature(context: OrgContext, feature: Feature): boolean {
  return context.entitlements.features.includes(feature);
}

/** The organization's plan must include `feature`, or the caller gets a 402 that says what to upgrade. */
export function requireFeature(context: OrgContext, feature: Feature): void {
  if (hasFeature(context, feature)) return;
  throw new PaymentRequiredError(
    `${FEATURE_DESCRIPTIONS[feature]} is not included in your organization's plan: an admin can upgrade it on the billing page`,
  );
}

/** Why a session without an organization context may not proceed. */
export function failureOf(session: Exclude<Session, { state: "in-organization" }>): AuthError {
  switch (session.state) {
    case "clerk-not-configured":
      return new AuthError("clerk-not-configured", "Sign-in is not configured on this server");
    case "signed-out":
      return new AuthError("signed-out", "Sign in to continue");
    case "no-organization":
      return new AuthError("no-organization", "Choose an organization to continue");
  }
}

/**
 * The caller's organization context, or why there is none: 401 signed out, 403 no active
 * organization or a role without `permission`, 503 when the server has no Clerk keys.
 */
export function orgContextOf(session: Session, permission?: Permission): OrgContext {
  if (session.state !== "in-organization") throw failureOf(session);
  if (permission && !hasPermission(session.context, permission)) {
    throw new AuthError("forbidden", `Your role does not allow ${permission}`);
  }
  return session.context;
}

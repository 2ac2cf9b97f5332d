import "server-only";
import { PaymentRequiredError } from "@/lib/failure";
import { type Entitlements, entitlementsOf, FEATURE_DESCRIPTIONS, type Feature } from "../billing/plans";
import { AuthError } from "./errors";
import { type Permission, permissionsOf, permissionsOfScopes } from "./permissions";
import type { VerifiedAuth } from "./request-auth";

/** A person with a Clerk session, or an organization API key (REST API only, `Bearer ak_…`). */
export type Caller = { kind: "user"; userId: string } | { kind: "api-key"; keyId: string };

/** Who is calling, and for which organization: the only source of the tenant for the whole app. */
export interface OrgContext {
  /**
   * Who acts, as the audit log and `createdBy` record it: the person's Clerk user id (`user_…`),
   * or `key:<id>` for an organization API key.
   */
  actor: string;
  caller: Caller;
  /** Clerk organization id (`org_…`), from the verified credential — never from a URL or a body. */
  orgId: string;
  orgSlug: string | null;
  /** Clerk's role key for a person (`org:admin`, `org:member`, a custom `org:*`); null for an API key. */
  orgRole: string | null;
  permissions: readonly Permission[];
  /**
   * The organization's plan and features, from the session token's `pla` / `fea` claims through
   * Clerk's `has()`. A credential without those claims (an organization API key) must fill this from
   * the synced subscription instead: `storedEntitlements()` in `server/data/billing.ts`.
   */
  entitlements: Entitlements;
}

/** The audit actor of an API key: `key:` and Clerk's key id. */
const API_KEY_ACTOR_PREFIX = "key:";

/** The API key id of an actor (`key:<id>`), or null when a person or the system acted. */
export function apiKeyIdOfActor(actor: string): string | null {
  return actor.startsWith(API_KEY_ACTOR_PREFIX) ? actor.slice(API_KEY_ACTOR_PREFIX.length) : null;
}

export type Session =
  | { state: "clerk-not-configured" }
  | { state: "signed-out" }
  | { state: "no-organization"; userId: string }
  | { state: "in-organization"; context: OrgContext };

/**
 * Turns the auth object Clerk built from a verified credential into the app's view of the caller.
 * A person's roles are asked of Clerk's own `has()`, so v1 and v2 session claims read the same; an
 * API key acts for the organization it belongs to, with the permissions its scopes name.
 */
export function sessionFromAuth(auth: VerifiedAuth): Session {
  if (!auth.isAuthenticated) return { state: "signed-out" };
  if (auth.tokenType === "api_key") {
    // A key Clerk issued to a user, not to an organization, has no tenant to act for.
    if (!auth.orgId) return { state: "signed-out" };
    return {
      state: "in-organization",
      context: {
        actor: `${API_KEY_ACTOR_PREFIX}${auth.id}`,
        caller: { kind: "api-key", keyId: auth.id },
        orgId: auth.orgId,
        orgSlug: null,
        orgRole: null,
        permissions: permissionsOfScopes(auth.scopes),
        // A key carries no plan claims: getSession fills these from the synced subscription.
        entitlements: { plan: null, features: [] },
      },
    };
  }
  if (!auth.orgId || !auth.orgRole) return { state: "no-organization", userId: auth.userId };
  return {
    state: "in-organization",
    context: {
      actor: auth.userId,
      caller: { kind: "user", userId: auth.userId },
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
    const whose = session.context.caller.kind === "api-key" ? "This API key's scopes do" : "Your role does";
    throw new AuthError("forbidden", `${whose} not allow ${permission}`);
  }
  return session.context;
}

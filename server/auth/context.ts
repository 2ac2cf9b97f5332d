import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { clerkConfigured } from "../env";
import { AuthError } from "./errors";
import { can, type Permission, permissionsOf } from "./permissions";
import { currentAuth } from "./request-auth";

/** Who is calling, and for which organization: the only source of the tenant for the whole app. */
export interface OrgContext {
  userId: string;
  /** Clerk organization id (`org_…`), from the verified session token — never from a URL or a body. */
  orgId: string;
  orgSlug: string | null;
  orgRole: string;
  permissions: readonly Permission[];
}

type Session =
  | { state: "clerk-not-configured" }
  | { state: "signed-out" }
  | { state: "no-organization"; userId: string }
  | { state: "in-organization"; context: OrgContext };

/**
 * Reads Clerk's verified session once per request (React `cache`): layouts, pages and the data
 * access layer may all ask, and only the first asks Clerk.
 */
export const getSession = cache(async (): Promise<Session> => {
  if (!clerkConfigured) return { state: "clerk-not-configured" };
  const session = await currentAuth();
  if (!session.userId) return { state: "signed-out" };
  if (!session.orgId || !session.orgRole) return { state: "no-organization", userId: session.userId };
  const has = (params: { role: string }) => session.has(params);
  return {
    state: "in-organization",
    context: {
      userId: session.userId,
      orgId: session.orgId,
      orgSlug: session.orgSlug ?? null,
      orgRole: session.orgRole,
      permissions: permissionsOf(has),
    },
  };
});

/**
 * For server actions, route handlers and the data access layer: the caller's organization context,
 * or an `AuthError` (401 signed out, 403 no active organization / permission not granted).
 */
export async function requireOrgContext(permission?: Permission): Promise<OrgContext> {
  const session = await getSession();
  switch (session.state) {
    case "clerk-not-configured":
      throw new AuthError("clerk-not-configured", "Sign-in is not configured on this server");
    case "signed-out":
      throw new AuthError("signed-out", "Sign in to continue");
    case "no-organization":
      throw new AuthError("no-organization", "Choose an organization to continue");
    case "in-organization":
      if (permission && !hasPermission(session.context, permission)) {
        throw new AuthError("forbidden", `Your role does not allow ${permission}`);
      }
      return session.context;
  }
}

export function hasPermission(context: OrgContext, permission: Permission): boolean {
  return context.permissions.includes(permission);
}

export const SIGN_IN_PATH = "/sign-in";
export const CHOOSE_ORGANIZATION_PATH = "/orgs";
export const CLERK_SETUP_PATH = "/setup";

/**
 * For pages: the caller's organization context, or the page a person should see instead —
 * sign-in, the choose-an-organization page, or a 404 for a role that may not see this page
 * (a 404 rather than a 403, so a page's existence is not revealed).
 */
export async function requireOrgPage(permission?: Permission): Promise<OrgContext> {
  try {
    return await requireOrgContext(permission);
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    switch (error.reason) {
      case "clerk-not-configured":
        redirect(CLERK_SETUP_PATH);
      case "signed-out":
        redirect(SIGN_IN_PATH);
      case "no-organization":
        redirect(CHOOSE_ORGANIZATION_PATH);
      case "forbidden":
        notFound();
    }
  }
}

// Re-exported so callers check permissions against the same table the context was built from.
export { can };

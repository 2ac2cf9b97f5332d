import "server-only";
import { storedEntitlements } from "../billing/state";
import { isClerkConfigured } from "../env";
import { renderFailurePage } from "../failures/page";
import { can, type Permission } from "./permissions";
import { currentAuth, perRequest } from "./request-auth";
import { failureOf, type OrgContext, orgContextOf, type Session, sessionFromAuth } from "./session";

/**
 * Reads Clerk's verified session once per request (`perRequest`): layouts, pages, `apiRoute` and the
 * data access layer may all ask, and only the first asks Clerk (and, for an API key, the database).
 */
export const getSession = perRequest(async (): Promise<Session> => {
  if (!isClerkConfigured()) return { state: "clerk-not-configured" };
  // Clerk's auth() in pages and actions; in the REST API, the Bearer token the route verified with Clerk.
  const session = sessionFromAuth(await currentAuth());
  // An API key carries no plan claims: its organization's plan is the one the billing webhooks synced
  // (one webhook delivery behind Clerk, where a session token is one token refresh behind).
  if (session.state === "in-organization" && session.context.caller.kind === "api-key") {
    session.context.entitlements = await storedEntitlements(session.context.orgId);
  }
  return session;
});

/**
 * For the data access layer and the entry points: the caller's organization context, or an
 * `AuthError` (401 signed out, 403 no active organization / permission not granted, 503 no Clerk
 * keys), which `apiRoute`, `runFormAction` and `requireOrgPage` render.
 */
export async function requireOrgContext(permission?: Permission): Promise<OrgContext> {
  return orgContextOf(await getSession(), permission);
}

/**
 * The one entry point of pages in an organization: the caller's organization context, or the page
 * a person should see instead (sign-in, choose an organization, setup, not found — see
 * `server/failures/page.ts`). A page still asks for its own context: layouts do not re-run on every
 * navigation, and a page must never rely on its layout for authorization.
 */
export async function requireOrgPage(permission?: Permission): Promise<OrgContext> {
  try {
    return await requireOrgContext(permission);
  } catch (error) {
    return renderFailurePage(error);
  }
}

/** For pages any signed-in person may see, with or without an active organization. */
export async function requireSignedInPage(): Promise<
  Exclude<Session, { state: "clerk-not-configured" | "signed-out" }>
> {
  const session = await getSession();
  if (session.state === "clerk-not-configured" || session.state === "signed-out") {
    return renderFailurePage(failureOf(session));
  }
  return session;
}

export { CHOOSE_ORGANIZATION_PATH, CLERK_SETUP_PATH, SIGN_IN_PATH } from "@/lib/auth/routes";
export { hasFeature, hasPermission, type OrgContext, requireFeature, type Session } from "./session";
// Re-exported so callers check permissions against the same table the context was built from.
export { can };

import "server-only";
import { auth } from "@clerk/nextjs/server";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { CHOOSE_ORGANIZATION_PATH, CLERK_SETUP_PATH } from "@/lib/auth/routes";
import { isClerkConfigured } from "../env";
import { AuthError } from "./errors";
import { can, type Permission } from "./permissions";
import { currentAuth } from "./request-auth";
import { type OrgContext, orgContextOf, type Session, sessionFromAuth } from "./session";

/**
 * Reads Clerk's verified session once per request (React `cache`): layouts, pages and the data
 * access layer may all ask, and only the first asks Clerk.
 */
export const getSession = cache(async (): Promise<Session> => {
  if (!isClerkConfigured()) return { state: "clerk-not-configured" };
  // Clerk's auth() in pages and actions; in the REST API, the Bearer token the route verified with Clerk.
  return sessionFromAuth(await currentAuth());
});

/**
 * For server actions, route handlers and the data access layer: the caller's organization context,
 * or an `AuthError` (401 signed out, 403 no active organization / permission not granted, 503 no
 * Clerk keys). `server/auth/responses.ts` turns that error into a JSON response or an action result.
 */
export async function requireOrgContext(permission?: Permission): Promise<OrgContext> {
  return orgContextOf(await getSession(), permission);
}

/** Sends a signed-out visitor to the app's sign-in page, with the page they asked for as the way back. */
async function redirectToSignIn(): Promise<never> {
  const { redirectToSignIn: redirectWithReturnUrl } = await auth();
  return redirectWithReturnUrl();
}

/**
 * For pages: the caller's organization context, or the page a person should see instead —
 * sign-in (with a return URL), the choose-an-organization page, the setup page without Clerk keys,
 * or a 404 for a role that may not see this page (a 404 rather than a 403, so a page's existence is
 * not revealed).
 */
export async function requireOrgPage(permission?: Permission): Promise<OrgContext> {
  try {
    return await requireOrgContext(permission);
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    switch (error.reason) {
      case "clerk-not-configured":
        return redirect(CLERK_SETUP_PATH);
      case "signed-out":
        return redirectToSignIn();
      case "no-organization":
        return redirect(CHOOSE_ORGANIZATION_PATH);
      case "forbidden":
        return notFound();
    }
  }
}

/** For pages any signed-in person may see, with or without an active organization. */
export async function requireSignedInPage(): Promise<
  Exclude<Session, { state: "clerk-not-configured" | "signed-out" }>
> {
  const session = await getSession();
  if (session.state === "clerk-not-configured") redirect(CLERK_SETUP_PATH);
  if (session.state === "signed-out") return redirectToSignIn();
  return session;
}

export { CHOOSE_ORGANIZATION_PATH, CLERK_SETUP_PATH, SIGN_IN_PATH } from "@/lib/auth/routes";
export { hasPermission, type OrgContext, type Session } from "./session";
// Re-exported so callers check permissions against the same table the context was built from.
export { can };

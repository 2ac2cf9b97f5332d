import "server-only";
import { auth } from "@clerk/nextjs/server";
import { notFound, redirect, unstable_rethrow } from "next/navigation";
import { CHOOSE_ORGANIZATION_PATH, CLERK_SETUP_PATH } from "@/lib/auth/routes";
import { classifyFailure } from "./classify";

/**
 * A failure as a page shows it: sign-in (with the way back), the choose-an-organization page, the
 * setup page without Clerk keys, the not-found page for a role that may not see the page and for a
 * row that is not this organization's (a 404 rather than a 403, so existence is not revealed).
 * Anything else (the database down, a bug) goes to the nearest `error.tsx`, which offers "Try again".
 */
export async function renderFailurePage(error: unknown): Promise<never> {
  // Next's own control flow (`redirect()`, `notFound()`) is not a failure.
  unstable_rethrow(error);
  const failure = classifyFailure(error, "a page");
  switch (failure.code) {
    case "auth_not_configured":
      return redirect(CLERK_SETUP_PATH);
    case "unauthenticated":
      return (await auth()).redirectToSignIn();
    case "no_active_organization":
      return redirect(CHOOSE_ORGANIZATION_PATH);
    case "forbidden":
    case "not_found":
      return notFound();
    default:
      throw failure;
  }
}

/** For a page's loads: the value, or the page for its failure (`getProject` of another organization's id → 404). */
export async function forPage<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    return renderFailurePage(error);
  }
}

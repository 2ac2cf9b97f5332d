import "server-only";
import type { SessionAuthObject } from "@clerk/backend";
import { cache } from "react";
import { Failure } from "@/lib/failure";
import { isClerkConfigured } from "../env";
import { renderFailurePage } from "../failures/page";
import { requestAuth } from "./request-auth";

/**
 * Platform admins (the people who run the SaaS, not an organization's admins) are marked in Clerk:
 * set `{"role": "admin"}` in the user's public metadata and expose it in the session token with a
 * JWT template / session-token customization: `{ "metadata": "{{user.public_metadata}}" }`.
 * See docs/clerk-setup.md.
 */
export function isPlatformAdminAuth(auth: SessionAuthObject): boolean {
  if (!auth.isAuthenticated) return false;
  const metadata = auth.sessionClaims.metadata as { role?: unknown } | undefined;
  return metadata?.role === "admin";
}

export const isPlatformAdmin = cache(async (): Promise<boolean> => {
  if (!isClerkConfigured()) return false;
  return isPlatformAdminAuth(await requestAuth());
});

/** For `/admin` pages: everyone who is not a platform admin gets a 404, so the area is not revealed. */
export async function requirePlatformAdminPage(): Promise<void> {
  if (!(await isPlatformAdmin())) await renderFailurePage(new Failure("forbidden", "Platform admins only"));
}

import "server-only";
import { auth } from "@clerk/nextjs/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { clerkConfigured } from "../env";

/**
 * Platform admins (the people who run the SaaS, not an organization's admins) are marked in Clerk:
 * set `{"role": "admin"}` in the user's public metadata and expose it in the session token with a
 * JWT template / session-token customization: `{ "metadata": "{{user.public_metadata}}" }`.
 */
export const isPlatformAdmin = cache(async (): Promise<boolean> => {
  if (!clerkConfigured) return false;
  const { userId, sessionClaims } = await auth();
  const metadata = sessionClaims?.metadata as { role?: unknown } | undefined;
  return Boolean(userId) && metadata?.role === "admin";
});

/** For `/admin` pages: everyone who is not a platform admin gets a 404, so the area is not revealed. */
export async function requirePlatformAdminPage(): Promise<void> {
  if (!(await isPlatformAdmin())) notFound();
}

import "server-only";
import { createClerkClient } from "@clerk/backend";
import { env } from "../env";
import { AuthError } from "./errors";

let client: ReturnType<typeof createClerkClient> | undefined;

/**
 * The app's one client of Clerk's Backend API (API keys; `CLERK_API_URL` points it elsewhere, as
 * the tests do), or an `AuthError` (503 with what to set) on a server without Clerk keys.
 */
export function clerkBackend(): ReturnType<typeof createClerkClient> {
  if (!env.clerk) throw new AuthError("clerk-not-configured", "Sign-in is not configured on this server");
  client ??= createClerkClient({
    secretKey: env.clerk.secretKey,
    publishableKey: env.clerk.publishableKey,
    jwtKey: env.clerk.jwtKey,
    apiUrl: env.clerk.apiUrl,
  });
  return client;
}

/**
 * Runs a request through Clerk's own `authenticateRequest` (the same verification the middleware
 * does) and hands back Clerk's auth object: what `auth()` returns inside a Next.js request. Tests
 * use it to get a verified session without a Next.js server.
 */
import type { SessionAuthObject } from "@clerk/backend";
import { createClerkClient } from "@clerk/backend";
import type { ClerkTestKeys } from "./clerk-tokens";

export const TEST_APP_ORIGIN = "http://localhost:3000";

export async function authenticateWithClerk(
  keys: ClerkTestKeys,
  token: string | null,
  authorizedParties: string[] = [TEST_APP_ORIGIN],
): Promise<SessionAuthObject> {
  const clerk = createClerkClient({
    publishableKey: keys.publishableKey,
    secretKey: keys.secretKey,
    jwtKey: keys.jwtPublicKey,
  });
  // An API-style request (Bearer token, JSON accepted): Clerk never answers it with a handshake.
  const headers = new Headers({ Accept: "application/json" });
  if (token) headers.set("Authorization", `Bearer ${token}`);
  const state = await clerk.authenticateRequest(new Request(`${TEST_APP_ORIGIN}/api/me`, { headers }), {
    jwtKey: keys.jwtPublicKey,
    authorizedParties,
  });
  const auth = state.toAuth();
  if (!auth) throw new Error(`Clerk asked for a handshake (${state.reason}); a Bearer request never should`);
  return auth;
}

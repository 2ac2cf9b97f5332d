import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { createClerkClient } from "@clerk/backend";
import { auth } from "@clerk/nextjs/server";
import { env } from "../env";

/**
 * The parts of Clerk's verified auth object the app reads. Clerk's `auth()` (pages, server actions)
 * and `authenticateRequest(…).toAuth()` (REST API, tests) both produce it, from the same verification.
 */
export interface VerifiedAuth {
  userId: string | null;
  orgId: string | null | undefined;
  orgRole: string | null | undefined;
  orgSlug: string | null | undefined;
  has(params: { role: string }): boolean;
}

// The REST API verifies its Bearer token itself (below) and runs the handler inside this scope, so the
// data access layer reads the caller the same way on every path without taking it as a parameter.
const verifiedCaller = new AsyncLocalStorage<VerifiedAuth>();

/** The verified caller of the current request: the API's Bearer token if one was verified, else `auth()`. */
export async function currentAuth(): Promise<VerifiedAuth> {
  return verifiedCaller.getStore() ?? (await auth());
}

/** Runs `work` as `caller`: everything it calls sees `caller` through `currentAuth()`. */
export function runAsCaller<T>(caller: VerifiedAuth, work: () => Promise<T>): Promise<T> {
  return verifiedCaller.run(caller, work);
}

const SIGNED_OUT: VerifiedAuth = {
  userId: null,
  orgId: null,
  orgRole: null,
  orgSlug: null,
  has: () => false,
};

let clerk: ReturnType<typeof createClerkClient> | undefined;

/**
 * Verifies a request's `Authorization: Bearer <session token>` with Clerk — networkless, with the
 * instance's JWT public key — and returns the caller (signed out when there is no valid token).
 * Cookies are deliberately not forwarded: the REST API is for Bearer clients, so a browser's
 * ambient session cookie can never authorize a cross-site request to it.
 */
export async function verifyBearerRequest(request: Request): Promise<VerifiedAuth> {
  const authorization = request.headers.get("authorization");
  if (!env.clerk || !authorization?.startsWith("Bearer ")) return SIGNED_OUT;
  clerk ??= createClerkClient({
    secretKey: env.clerk.secretKey,
    publishableKey: env.clerk.publishableKey,
    jwtKey: env.clerk.jwtKey,
  });
  const state = await clerk.authenticateRequest(
    new Request(request.url, { method: request.method, headers: { authorization } }),
    { jwtKey: env.clerk.jwtKey, authorizedParties: env.authorizedParties, acceptsToken: "session_token" },
  );
  return state.toAuth() ?? SIGNED_OUT;
}

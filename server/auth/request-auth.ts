import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { createClerkClient, type SessionAuthObject } from "@clerk/backend";
// Clerk's own signed-out auth object (@clerk/nextjs builds the same), so callers see one shape on every path.
import { signedOutAuthObject } from "@clerk/backend/internal";
import { auth } from "@clerk/nextjs/server";
import { env } from "../env";

/**
 * Clerk's auth object of a verified session token: what `auth()` returns (pages, server actions)
 * and what `authenticateRequest(…).toAuth()` returns (REST API, tests) — the same verification.
 */
export type VerifiedAuth = SessionAuthObject;

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

let clerk: ReturnType<typeof createClerkClient> | undefined;

/**
 * Verifies a request's `Authorization: Bearer <session token>` with Clerk — networkless, with the
 * instance's JWT public key — and returns the caller (signed out when there is no valid token).
 * Cookies are deliberately not forwarded: the REST API is for Bearer clients, so a browser's
 * ambient session cookie can never authorize a cross-site request to it.
 */
export async function verifyBearerRequest(request: Request): Promise<VerifiedAuth> {
  const authorization = request.headers.get("authorization");
  if (!env.clerk || !authorization?.startsWith("Bearer ")) return signedOutAuthObject();
  clerk ??= createClerkClient({
    secretKey: env.clerk.secretKey,
    publishableKey: env.clerk.publishableKey,
    jwtKey: env.clerk.jwtKey,
  });
  const state = await clerk.authenticateRequest(
    new Request(request.url, { method: request.method, headers: { authorization } }),
    { jwtKey: env.clerk.jwtKey, authorizedParties: env.authorizedParties, acceptsToken: "session_token" },
  );
  return state.toAuth() ?? signedOutAuthObject();
}

import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { MachineAuthObject, SessionAuthObject } from "@clerk/backend";
// Clerk's own signed-out auth object (@clerk/nextjs builds the same), so callers see one shape on every path.
import { signedOutAuthObject } from "@clerk/backend/internal";
import { auth } from "@clerk/nextjs/server";
import { cache } from "react";
import { UnavailableError } from "@/lib/failure";
import { env } from "../env";
import { cachedApiKey, rememberApiKey } from "./api-key-cache";
import { clerkBackend } from "./clerk-backend";

/**
 * Clerk's auth object of a verified credential: what `auth()` returns (pages, server actions: a
 * session) and what `authenticateRequest(…).toAuth()` returns (REST API: a session or an API key).
 */
export type VerifiedAuth = SessionAuthObject | MachineAuthObject<"api_key">;

// The REST API verifies its Bearer token itself (below) and runs the handler inside this scope, so the
// data access layer reads the caller the same way on every path without taking it as a parameter.
const verifiedCaller = new AsyncLocalStorage<VerifiedAuth>();

/**
 * Clerk's `auth()`, once per request (React `cache`): every call decrypts the request data Clerk's
 * middleware encrypted into a header and checks the token's HMAC again, in pure-JS crypto — about
 * half a millisecond each on this machine, and a page asks from its layouts, its page and the header.
 */
export const requestAuth = cache(() => auth());

/** The verified caller of the current request: the API's Bearer token if one was verified, else `auth()`. */
export async function currentAuth(): Promise<VerifiedAuth> {
  return verifiedCaller.getStore() ?? (await requestAuth());
}

/** Runs `work` as `caller`: everything it calls sees `caller` through `currentAuth()`. */
export function runAsCaller<T>(caller: VerifiedAuth, work: () => Promise<T>): Promise<T> {
  return verifiedCaller.run(caller, work);
}

// Clerk could not answer whether the key is valid (unreachable, 5xx, 429, or it refused our secret
// key): the caller's credential may be fine, so this is our outage (503), not their 401.
const VERIFICATION_UNAVAILABLE = new Set(["unexpected-error", "secret-key-invalid"]);

/**
 * Verifies a request's `Authorization: Bearer <credential>` with Clerk and returns the caller
 * (signed out when there is no valid credential). Two kinds are accepted: a session token, verified
 * networklessly with the instance's JWT public key, and an organization API key (`ak_…`), which
 * only Clerk's Backend API can verify — a verified key is remembered briefly (`api-key-cache.ts`).
 * Cookies are deliberately not forwarded: the REST API is for Bearer clients, so a browser's
 * ambient session cookie can never authorize a cross-site request to it.
 */
export async function verifyBearerRequest(request: Request): Promise<VerifiedAuth> {
  const authorization = request.headers.get("authorization");
  if (!env.clerk || !authorization?.startsWith("Bearer ")) return signedOutAuthObject();
  const remembered = cachedApiKey(authorization);
  if (remembered) return remembered;
  const state = await clerkBackend().authenticateRequest(
    new Request(request.url, { method: request.method, headers: { authorization } }),
    {
      jwtKey: env.clerk.jwtKey,
      authorizedParties: env.authorizedParties,
      acceptsToken: ["session_token", "api_key"],
    },
  );
  if (state.tokenType === "api_key" && !state.isAuthenticated && VERIFICATION_UNAVAILABLE.has(state.reason)) {
    console.error(`API key verification failed: ${state.reason} (${state.message}); answered 503`);
    throw new UnavailableError("API key verification");
  }
  const verified = state.toAuth();
  if (!verified || verified.tokenType === null) return signedOutAuthObject();
  if (verified.tokenType === "api_key" && verified.isAuthenticated) rememberApiKey(authorization, verified);
  return verified as VerifiedAuth;
}

import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { type MachineAuthObject, type SessionAuthObject, verifyToken } from "@clerk/backend";
import { TokenVerificationError } from "@clerk/backend/errors";
// Clerk's own auth objects (@clerk/nextjs builds the same), so callers see one shape on every path.
import { isMachineToken, signedInAuthObject, signedOutAuthObject } from "@clerk/backend/internal";
import { auth } from "@clerk/nextjs/server";
import { cache } from "react";
import { UnavailableError } from "@/lib/failure";
import { env } from "../env";
import { cachedApiKey, rememberApiKey } from "./api-key-cache";
import { clerkBackend } from "./clerk-backend";

/**
 * Clerk's auth object of a verified credential: what `auth()` returns (pages, server actions: a
 * session) and what the REST API builds from a Bearer credential (a session or an API key).
 */
export type VerifiedAuth = SessionAuthObject | MachineAuthObject<"api_key">;

// The REST API verifies its Bearer token itself (below) and runs the handler inside this scope, so the
// data access layer reads the caller the same way on every path without taking it as a parameter.
// `memo` holds what `perRequest` functions answered during this request.
const apiRequest = new AsyncLocalStorage<{ caller: VerifiedAuth; memo: Map<unknown, Promise<unknown>> }>();

/**
 * Clerk's `auth()`, once per request (React `cache`): every call decrypts the request data Clerk's
 * middleware encrypted into a header and checks the token's HMAC again, in pure-JS crypto — about
 * half a millisecond each on this machine, and a page asks from its layouts, its page and the header.
 */
export const requestAuth = cache(() => auth());

/** The verified caller of the current request: the API's Bearer token if one was verified, else `auth()`. */
export async function currentAuth(): Promise<VerifiedAuth> {
  return apiRequest.getStore()?.caller ?? (await requestAuth());
}

/** Runs `work` as `caller`: everything it calls sees `caller` through `currentAuth()`. */
export function runAsCaller<T>(caller: VerifiedAuth, work: () => Promise<T>): Promise<T> {
  return apiRequest.run({ caller, memo: new Map() }, work);
}

/**
 * `fn`, answered once per request: React's `cache` in pages and server actions, and in REST API route
 * handlers — where React's cache does not apply, as they render nothing — once per `runAsCaller`.
 */
export function perRequest<T>(fn: () => Promise<T>): () => Promise<T> {
  const cached = cache(fn);
  return () => {
    const memo = apiRequest.getStore()?.memo;
    if (!memo) return cached();
    if (!memo.has(fn)) memo.set(fn, fn());
    return memo.get(fn) as Promise<T>;
  };
}

type ClerkKeys = NonNullable<typeof env.clerk>;

// Clerk could not answer whether the key is valid (unreachable, 5xx, 429, or it refused our secret
// key): the caller's credential may be fine, so this is our outage (503), not their 401.
const VERIFICATION_UNAVAILABLE = new Set(["unexpected-error", "secret-key-invalid"]);

/**
 * Verifies a request's `Authorization: Bearer <credential>` with Clerk and returns the caller
 * (signed out when there is no valid credential). Two kinds are accepted: a session token, verified
 * networklessly with the instance's JWT public key, and an organization API key (`ak_…`), which
 * only Clerk's Backend API can verify — a verified key is remembered briefly (`api-key-cache.ts`).
 * Any other machine token (M2M, OAuth) is refused. Cookies are deliberately not read: the REST API
 * is for Bearer clients, so a browser's ambient session cookie can never authorize a cross-site
 * request to it.
 */
export async function verifyBearerRequest(request: Request): Promise<VerifiedAuth> {
  const authorization = request.headers.get("authorization");
  const { clerk } = env;
  if (!clerk || !authorization?.startsWith("Bearer ")) return signedOutAuthObject();
  const token = authorization.slice("Bearer ".length).trim();
  return isMachineToken(token) ? verifyApiKey(request.url, authorization) : verifySessionToken(clerk, token);
}

/**
 * A session token, with Clerk's `verifyToken` (signature, expiry, `azp` among the authorized parties)
 * and Clerk's own auth object for its claims. The path `authenticateRequest` takes for a header token,
 * without the cookie and handshake context it builds first for browsers (a WebCrypto SHA-1 of the
 * publishable key, several JWT decodes, a Backend API client): 0.12 ms per request instead of
 * 0.38 ms here, a tenth of the whole REST request (bench/README.md).
 */
async function verifySessionToken(clerk: ClerkKeys, token: string): Promise<VerifiedAuth> {
  let claims: Awaited<ReturnType<typeof verifyToken>>;
  try {
    claims = await verifyToken(token, { jwtKey: clerk.jwtKey, authorizedParties: env.authorizedParties });
  } catch (error) {
    if (error instanceof TokenVerificationError) return signedOutAuthObject();
    throw error;
  }
  const auth = signedInAuthObject(
    { secretKey: clerk.secretKey, apiUrl: clerk.apiUrl, jwtKey: clerk.jwtKey },
    token,
    claims,
  );
  // As `authenticateRequest` answers by default: a session with tasks left to do is not signed in yet.
  return auth.sessionStatus === "pending" ? signedOutAuthObject(undefined, "pending") : auth;
}

/** An organization API key (or a machine token of a kind the API refuses), with Clerk's Backend API. */
async function verifyApiKey(url: string, authorization: string): Promise<VerifiedAuth> {
  const remembered = cachedApiKey(authorization);
  if (remembered) return remembered;
  const state = await clerkBackend().authenticateRequest(new Request(url, { headers: { authorization } }), {
    acceptsToken: "api_key",
  });
  if (state.tokenType === "api_key" && !state.isAuthenticated && VERIFICATION_UNAVAILABLE.has(state.reason)) {
    console.error(`API key verification failed: ${state.reason} (${state.message}); answered 503`);
    throw new UnavailableError("API key verification");
  }
  const verified = state.toAuth();
  if (!verified?.isAuthenticated || verified.tokenType !== "api_key") return signedOutAuthObject();
  rememberApiKey(authorization, verified);
  return verified;
}

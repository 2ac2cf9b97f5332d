import "server-only";
import { createHash } from "node:crypto";
import type { MachineAuthObject } from "@clerk/backend";
import { LRUCache } from "lru-cache";

/**
 * How long a verified API key is trusted without asking Clerk again, and so how long a key revoked
 * (or expired) in Clerk can keep working on a server that verified it just before: at most this.
 *
 * Why a cache at all: only Clerk's Backend API can verify an opaque key — a network round trip per
 * request (see docs/rest-api.md for the measured cost) — and Clerk rate-limits its Backend API per
 * instance (1000 requests per 10 s in production, 100 in development), so without one a busy client
 * would exhaust the whole instance's budget. Only successes are cached: a refusal or an outage is
 * asked again on the next request.
 */
export const API_KEY_CACHE_SECONDS = 10;

type VerifiedApiKey = MachineAuthObject<"api_key"> & { isAuthenticated: true };

const verified = new LRUCache<string, VerifiedApiKey>({
  max: 10_000,
  ttl: API_KEY_CACHE_SECONDS * 1000,
});

// Keyed by a digest of the header, so the cache never holds a usable secret.
const keyOf = (authorization: string) => createHash("sha256").update(authorization).digest("base64url");

/** The key this `Authorization` header carried when Clerk verified it less than the TTL ago. */
export function cachedApiKey(authorization: string): VerifiedApiKey | undefined {
  return verified.get(keyOf(authorization));
}

export function rememberApiKey(authorization: string, key: VerifiedApiKey): void {
  verified.set(keyOf(authorization), key);
}

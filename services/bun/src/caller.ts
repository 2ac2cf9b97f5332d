/**
 * Who is calling, verified by @clerk/backend: a session token (networkless, with `jwtKey`) or an
 * organization API key (over Clerk's Backend API, with the secret key).
 */
import { createClerkClient } from "@clerk/backend";
import type { Config } from "./config";
import { clerkUnavailable, forbidden, noOrganization, signedOut } from "./errors";
import { roleAllows, scopesAllow } from "./permissions";

export interface Caller {
  /** The Clerk organization id (`org_…`) from the credential: the only source of the tenant. */
  orgId: string;
  /** What decides the caller's permissions: a person's role, or an organization API key's scopes. */
  grant: { kind: "role"; orgRole: string } | { kind: "api-key"; scopes: string[] };
}

export type Authenticate = (request: Request) => Promise<Caller>;

// Clerk could not say whether the key is valid (unreachable, 5xx, 429, or it refused our secret
// key): the key may be fine, so this is our outage (503), not the caller's 401 — as the app answers.
const VERIFICATION_UNAVAILABLE = new Set(["unexpected-error", "secret-key-invalid"]);

export function authenticator(config: Config): Authenticate {
  const clerk = createClerkClient({
    secretKey: config.secretKey,
    publishableKey: config.publishableKey,
    jwtKey: config.jwtKey,
    apiUrl: config.apiUrl,
  });
  return async (request) => {
    const authorization = request.headers.get("authorization");
    if (!authorization?.startsWith("Bearer ")) throw signedOut();
    // Only the Bearer header goes on: a browser's ambient __session cookie never authorizes here.
    const state = await clerk.authenticateRequest(new Request(request.url, { headers: { authorization } }), {
      jwtKey: config.jwtKey,
      authorizedParties: config.authorizedParties,
      acceptsToken: ["session_token", "api_key"],
    });
    if (
      state.tokenType === "api_key" &&
      !state.isAuthenticated &&
      VERIFICATION_UNAVAILABLE.has(state.reason)
    ) {
      console.error(`API key verification failed: ${state.reason} (${state.message}); answered 503`);
      throw clerkUnavailable();
    }
    const auth = state.toAuth();
    if (!auth?.isAuthenticated) throw signedOut();
    if (auth.tokenType === "api_key") {
      // A key Clerk issued to a user, not to an organization, has no tenant to act for.
      if (!auth.orgId) throw signedOut();
      return { orgId: auth.orgId, grant: { kind: "api-key", scopes: auth.scopes } };
    }
    if (!auth.orgId || !auth.orgRole) throw noOrganization();
    return { orgId: auth.orgId, grant: { kind: "role", orgRole: auth.orgRole } };
  };
}

export function requirePermission({ grant }: Caller, permission: string): void {
  if (grant.kind === "api-key") {
    if (!scopesAllow(grant.scopes, permission)) throw forbidden(permission, "This API key's scopes do");
  } else if (!roleAllows(grant.orgRole, permission)) throw forbidden(permission);
}

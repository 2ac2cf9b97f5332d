/** Who is calling, from a Clerk session token that @clerk/backend verified (networkless, with `jwtKey`). */
import { createClerkClient } from "@clerk/backend";
import type { Config } from "./config";
import { forbidden, noOrganization, signedOut } from "./errors";
import { roleAllows } from "./permissions";

export interface Caller {
  userId: string;
  /** The Clerk organization id (`org_…`) from the token: the only source of the tenant. */
  orgId: string;
  /** Clerk's role key (`org:admin`), as Clerk's auth object gives it for v1 and v2 claims alike. */
  orgRole: string;
}

export type Authenticate = (request: Request) => Promise<Caller>;

export function authenticator(config: Config): Authenticate {
  const clerk = createClerkClient({
    secretKey: config.secretKey,
    publishableKey: config.publishableKey,
    jwtKey: config.jwtKey,
  });
  return async (request) => {
    const authorization = request.headers.get("authorization");
    if (!authorization?.startsWith("Bearer ")) throw signedOut();
    // Only the Bearer header goes on: a browser's ambient __session cookie never authorizes here.
    const state = await clerk.authenticateRequest(
      new Request(request.url, { headers: { authorization } }),
      // Session tokens only for now; organization API keys are one more entry here
      // (`["session_token", "api_key"]`), verified by Clerk's Backend API with the secret key.
      { jwtKey: config.jwtKey, authorizedParties: config.authorizedParties, acceptsToken: "session_token" },
    );
    const auth = state.toAuth();
    if (!auth?.isAuthenticated) throw signedOut();
    if (!auth.orgId || !auth.orgRole) throw noOrganization();
    return { userId: auth.userId, orgId: auth.orgId, orgRole: auth.orgRole };
  };
}

export function requirePermission(caller: Caller, permission: string): void {
  if (!roleAllows(caller.orgRole, permission)) throw forbidden(permission);
}

/**
 * Signed-in requests for the benchmarks. The app runs with this run's public key as CLERK_JWT_KEY;
 * the tokens are signed with the private half by the tests' own harness, and Clerk's SDK in the
 * app verifies them exactly as it verifies real ones. Nothing here verifies anything.
 */
import {
  type ClerkTestKeys,
  createClerkTestKeys,
  mintSession,
  type SessionIdentity,
} from "../../tests/support/clerk-tokens";

/** Alice, admin of Acme in the demo data (prisma/demo-data.ts). */
export const DEMO_ADMIN: SessionIdentity = {
  userId: "user_demo_alice",
  orgId: "org_demo_acme",
  orgSlug: "acme",
  orgRole: "org:admin",
};

// Long enough for a whole run: Clerk's real tokens live 60 s and are refreshed by the browser SDK,
// which a load generator does not have. Verification costs the same either way.
const TOKEN_LIFETIME_SECONDS = 3600;

// What a `pk_test_` app's visitors carry after their first visit; without it, every page would
// first send the browser to Clerk's development-instance handshake.
const DEV_BROWSER_COOKIE = "__clerk_db_jwt=dvb_bench";

function navigation(cookie: string): Record<string, string> {
  return {
    cookie,
    accept: "text/html,application/xhtml+xml",
    "sec-fetch-dest": "document",
    "sec-fetch-mode": "navigate",
    "user-agent": "Mozilla/5.0 (X11; Linux x86_64) orgs-starter-bench",
  };
}

export class BenchSessions {
  readonly keys: ClerkTestKeys = createClerkTestKeys();

  /** `origin` is the app's URL: Clerk accepts only tokens whose `azp` is an authorized party. */
  constructor(private readonly origin: string) {}

  /** An API client's request: `Authorization: Bearer <session token>`. */
  bearerHeaders(identity: SessionIdentity): Record<string, string> {
    const { token } = this.mint(identity);
    return { authorization: `Bearer ${token}`, accept: "application/json" };
  }

  /** A signed-in browser opening a page: Clerk's session cookies and a navigation's headers. */
  browserHeaders(identity: SessionIdentity): Record<string, string> {
    const { token, issuedAt } = this.mint(identity);
    // `__client_uat` no later than the token's iat, or Clerk asks the browser to refresh the token.
    return navigation(`__session=${token}; __client_uat=${issuedAt}; ${DEV_BROWSER_COOKIE}`);
  }

  /** A browser that has visited before but is signed out. */
  signedOutBrowserHeaders(): Record<string, string> {
    return navigation(`__client_uat=0; ${DEV_BROWSER_COOKIE}`);
  }

  private mint(identity: SessionIdentity) {
    return mintSession(this.keys.jwtPrivateKey, {
      ...identity,
      authorizedParty: this.origin,
      expiresIn: TOKEN_LIFETIME_SECONDS,
    });
  }
}

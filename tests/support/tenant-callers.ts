/**
 * Callers for tenant tests, verified the way production verifies them: a token signed with the run's
 * key goes through the app's own `verifyBearerRequest` (Clerk's `verifyToken` with `jwtKey`),
 * and the code under test runs as that caller. Import `./app-clerk-env` before this file.
 */
import { runAsCaller, verifyBearerRequest } from "@/server/auth/request-auth";
import { demoPlans } from "../../prisma/demo-data";
import { clerkKeys } from "./app-clerk-env";
import { TEST_APP_ORIGIN } from "./clerk-auth";
import { mintSessionToken, type SessionIdentity } from "./clerk-tokens";

// With the plan the demo data gives each (prisma/demo-data.ts): Acme on Pro, Globex on the free plan.
export const ACME = {
  orgId: "org_demo_acme",
  orgSlug: "acme",
  orgPlan: demoPlans.org_demo_acme.plan,
  orgFeatures: demoPlans.org_demo_acme.features,
} as const;
export const GLOBEX = {
  orgId: "org_demo_globex",
  orgSlug: "globex",
  orgPlan: demoPlans.org_demo_globex.plan,
  orgFeatures: demoPlans.org_demo_globex.features,
} as const;

/** The demo world (prisma/demo-data.ts): alice admin of Acme and member of Globex, bob member of Acme, carol admin of Globex. */
export const callers = {
  aliceAdminOfAcme: { userId: "user_demo_alice", ...ACME, orgRole: "org:admin" },
  bobMemberOfAcme: { userId: "user_demo_bob", ...ACME, orgRole: "org:member" },
  carolAdminOfGlobex: { userId: "user_demo_carol", ...GLOBEX, orgRole: "org:admin" },
  aliceMemberOfGlobex: { userId: "user_demo_alice", ...GLOBEX, orgRole: "org:member" },
  aliceWithoutOrganization: { userId: "user_demo_alice" },
} satisfies Record<string, SessionIdentity>;

/** The same caller with its organization on Pro: the token's `pla` / `fea` claims say so. */
export function onPro<T extends SessionIdentity>(identity: T): T {
  return { ...identity, orgPlan: "pro", orgFeatures: demoPlans.org_demo_acme.features };
}

/** The same caller with its organization on the free plan. */
export function onFree<T extends SessionIdentity>(identity: T): T {
  return { ...identity, orgPlan: "free_org", orgFeatures: [] };
}

/** `null` is a signed-out caller: a request with no token at all. */
export type Caller = SessionIdentity | null;

export function tokenFor(identity: SessionIdentity): string {
  return mintSessionToken(clerkKeys.jwtPrivateKey, { ...identity, authorizedParty: TEST_APP_ORIGIN });
}

/** Headers of a Bearer request from `caller` (none for a signed-out one). */
export function authorizationFor(caller: Caller): Record<string, string> {
  return caller ? { authorization: `Bearer ${tokenFor(caller)}` } : {};
}

/** Runs `work` as `caller`, with the session Clerk verified from the caller's token. */
export async function actAs<T>(caller: Caller, work: () => Promise<T>): Promise<T> {
  const verified = await verifyBearerRequest(
    new Request(`${TEST_APP_ORIGIN}/`, { headers: authorizationFor(caller) }),
  );
  return runAsCaller(verified, work);
}

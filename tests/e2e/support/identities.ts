/**
 * The demo world of `prisma/demo-data.ts` as session identities: who is signed in, acting for which
 * organization with which Clerk role. In these tests it is also what "Clerk" knows about memberships.
 */
import { demoMemberships, demoOrganizations, demoPlans } from "../../../prisma/demo-data";
import type { SessionIdentity } from "../../support/clerk-tokens";

/** `userId` acting for the organization with this slug or id, with the role the demo data gives; null if not a member. */
export function membershipOf(userId: string, organization: string): Required<SessionIdentity> | null {
  const org = demoOrganizations.find(
    (candidate) => candidate.slug === organization || candidate.clerkId === organization,
  );
  const membership = demoMemberships.find((m) => m.user === userId && m.org === org?.clerkId);
  if (!org || !membership) return null;
  const { plan, features } = demoPlans[org.clerkId];
  return {
    userId,
    orgId: org.clerkId,
    orgSlug: org.slug,
    orgRole: membership.role,
    orgPlan: plan,
    orgFeatures: features,
  };
}

function actingIn(userId: string, orgSlug: string): Required<SessionIdentity> {
  const identity = membershipOf(userId, orgSlug);
  if (!identity) throw new Error(`${userId} is not a demo member of ${orgSlug}`);
  return identity;
}

export const identities = {
  /** Admin of Acme. */
  aliceInAcme: actingIn("user_demo_alice", "acme"),
  /** The same person, acting for Globex, where she is a member. */
  aliceInGlobex: actingIn("user_demo_alice", "globex"),
  /** Member of Acme. */
  bobInAcme: actingIn("user_demo_bob", "acme"),
  /** Admin of Globex, not a member of Acme. */
  carolInGlobex: actingIn("user_demo_carol", "globex"),
  /** Signed in with no active organization. */
  aliceWithoutOrganization: { userId: "user_demo_alice" } as SessionIdentity,
  /** A platform admin (session claims `metadata.role = "admin"`), acting for Acme. */
  platformAdmin: { ...actingIn("user_demo_alice", "acme"), metadata: { role: "admin" } },
};

import { describe, expect, it } from "vitest";
import { AuthError } from "@/server/auth/errors";
import { isPlatformAdminAuth } from "@/server/auth/platform-admin";
import { orgContextOf, type Session, sessionFromAuth } from "@/server/auth/session";
import { authenticateWithClerk, TEST_APP_ORIGIN } from "../support/clerk-auth";
import { createClerkTestKeys, type MintOptions, mintSessionToken } from "../support/clerk-tokens";

// Tokens are signed here and verified by Clerk's SDK with the public key, as in production.
const keys = createClerkTestKeys();
const strangerKeys = createClerkTestKeys();

const alice = { userId: "user_demo_alice" };
const aliceInAcme = { ...alice, orgId: "org_demo_acme", orgSlug: "acme", orgRole: "org:admin" };
const bobInAcme = { userId: "user_demo_bob", orgId: "org_demo_acme", orgSlug: "acme", orgRole: "org:member" };

async function sessionFor(options: Omit<MintOptions, "authorizedParty"> & { authorizedParty?: string }) {
  const token = mintSessionToken(keys.jwtPrivateKey, { authorizedParty: TEST_APP_ORIGIN, ...options });
  return sessionFromAuth(await authenticateWithClerk(keys, token));
}

function failureOf(session: Session, permission?: Parameters<typeof orgContextOf>[1]): AuthError {
  try {
    orgContextOf(session, permission);
  } catch (error) {
    if (error instanceof AuthError) return error;
    throw error;
  }
  throw new Error("expected the auth context to refuse");
}

describe("auth context from a Clerk-verified session", () => {
  it("gives an admin acting in an organization the admin's permissions", async () => {
    const context = orgContextOf(await sessionFor(aliceInAcme), "organization:manage");
    expect(context).toEqual({
      actor: "user_demo_alice",
      caller: { kind: "user", userId: "user_demo_alice" },
      orgId: "org_demo_acme",
      orgSlug: "acme",
      orgRole: "org:admin",
      permissions: expect.arrayContaining(["organization:manage", "projects:delete"]),
      entitlements: { plan: null, features: [] },
    });
  });

  it("reads the organization's plan and features from the token's pla / fea claims through Clerk's has()", async () => {
    const onPro = orgContextOf(
      await sessionFor({ ...aliceInAcme, orgPlan: "pro", orgFeatures: ["activity_log", "api_keys"] }),
    );
    expect(onPro.entitlements).toEqual({ plan: "pro", features: ["activity_log", "api_keys"] });
    // A feature of no plan in our table is not ours to grant.
    const unknown = orgContextOf(await sessionFor({ ...aliceInAcme, orgFeatures: ["teleportation"] }));
    expect(unknown.entitlements).toEqual({ plan: null, features: [] });
  });

  it("reads Clerk's v1 claims (org_id, org_role, org_slug) exactly like v2", async () => {
    const v1 = orgContextOf(await sessionFor({ ...bobInAcme, claimsVersion: 1 }));
    const v2 = orgContextOf(await sessionFor({ ...bobInAcme, claimsVersion: 2 }));
    expect(v1).toEqual(v2);
    expect(v1.orgRole).toBe("org:member");
  });

  it("answers 401 when there is no token", async () => {
    const error = failureOf(sessionFromAuth(await authenticateWithClerk(keys, null)));
    expect([error.reason, error.status]).toEqual(["signed-out", 401]);
  });

  it("treats an expired token as signed out", async () => {
    const error = failureOf(await sessionFor({ ...aliceInAcme, expiresIn: -60 }));
    expect([error.reason, error.status]).toEqual(["signed-out", 401]);
  });

  it("treats a token signed by another key as signed out", async () => {
    const forged = mintSessionToken(strangerKeys.jwtPrivateKey, {
      ...aliceInAcme,
      authorizedParty: TEST_APP_ORIGIN,
    });
    const error = failureOf(sessionFromAuth(await authenticateWithClerk(keys, forged)));
    expect(error.reason).toBe("signed-out");
  });

  it("treats a token issued for another origin (azp) as signed out", async () => {
    const error = failureOf(await sessionFor({ ...aliceInAcme, authorizedParty: "https://evil.example" }));
    expect(error.reason).toBe("signed-out");
  });

  it("answers 403 to a signed-in user with no active organization", async () => {
    const session = await sessionFor(alice);
    expect(session).toEqual({ state: "no-organization", userId: "user_demo_alice" });
    const error = failureOf(session);
    expect([error.reason, error.status]).toEqual(["no-organization", 403]);
  });

  it("answers 403 when the member's role does not grant the permission", async () => {
    const session = await sessionFor(bobInAcme);
    expect(orgContextOf(session, "projects:create").actor).toBe("user_demo_bob");
    const error = failureOf(session, "organization:manage");
    expect([error.reason, error.status]).toEqual(["forbidden", 403]);
  });

  it("grants nothing to a custom role the permission table does not list", async () => {
    const session = await sessionFor({ ...bobInAcme, orgRole: "org:auditor" });
    expect(orgContextOf(session).permissions).toEqual([]);
    expect(failureOf(session, "projects:read").reason).toBe("forbidden");
  });

  it("answers 503 while the server has no Clerk keys", () => {
    const error = failureOf({ state: "clerk-not-configured" });
    expect([error.reason, error.status]).toEqual(["clerk-not-configured", 503]);
  });
});

describe("platform admins", () => {
  const authFor = async (options: Omit<MintOptions, "authorizedParty">) =>
    authenticateWithClerk(
      keys,
      mintSessionToken(keys.jwtPrivateKey, { authorizedParty: TEST_APP_ORIGIN, ...options }),
    );

  it("recognizes a session whose claims carry metadata.role = admin", async () => {
    expect(isPlatformAdminAuth(await authFor({ ...alice, metadata: { role: "admin" } }))).toBe(true);
  });

  it("does not recognize other roles, missing metadata, or an organization admin", async () => {
    expect(isPlatformAdminAuth(await authFor({ ...alice, metadata: { role: "support" } }))).toBe(false);
    expect(isPlatformAdminAuth(await authFor({ ...alice, metadata: {} }))).toBe(false);
    expect(isPlatformAdminAuth(await authFor(aliceInAcme))).toBe(false);
  });

  it("does not recognize an expired admin token", async () => {
    const expired = await authFor({ ...alice, metadata: { role: "admin" }, expiresIn: -60 });
    expect(isPlatformAdminAuth(expired)).toBe(false);
  });
});

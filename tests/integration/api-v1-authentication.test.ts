/**
 * Who the REST API answers: Clerk's own verification of the Bearer token (401 for a missing, expired,
 * foreign or misdirected one; a session cookie is not enough), then 403 without an active
 * organization or the role an action needs.
 */
import "../support/app-clerk-env";
import { beforeEach, describe, expect, it } from "vitest";
import { apiCall } from "../support/api-routes";
import { asBob, createViaApi, errorOf, resetDemoTenant } from "../support/api-v1-fixtures";
import { clerkKeys } from "../support/app-clerk-env";
import { TEST_APP_ORIGIN } from "../support/clerk-auth";
import { createClerkTestKeys, mintSessionToken, signClerkJwt } from "../support/clerk-tokens";
import { authorizationFor, callers, tokenFor } from "../support/tenant-callers";

beforeEach(resetDemoTenant);

const decodedPayloadOf = (token: string) =>
  JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString()) as Record<string, unknown>;
// One token's signature over another token's claims.
const withPayloadOf = (signed: string, other: string) => {
  const [header, , signature] = signed.split(".");
  return `${header}.${other.split(".")[1]}.${signature}`;
};

describe("authentication", () => {
  it("answers 401 with a Bearer challenge when there is no token", async () => {
    const response = await apiCall("GET", "/projects");
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await errorOf(response)).toMatchObject({ code: "unauthenticated" });
  });

  it("answers 401 for an expired, not yet valid, tampered, pending, foreign-key, other-origin, machine or malformed token", async () => {
    const identity = callers.aliceAdminOfAcme;
    const stranger = createClerkTestKeys();
    const tokens = {
      expired: mintSessionToken(clerkKeys.jwtPrivateKey, {
        ...identity,
        authorizedParty: TEST_APP_ORIGIN,
        expiresIn: -60,
      }),
      foreignKey: mintSessionToken(stranger.jwtPrivateKey, { ...identity, authorizedParty: TEST_APP_ORIGIN }),
      otherOrigin: mintSessionToken(clerkKeys.jwtPrivateKey, {
        ...identity,
        authorizedParty: "https://evil.example",
      }),
      notYetValid: signClerkJwt(clerkKeys.jwtPrivateKey, {
        ...decodedPayloadOf(
          mintSessionToken(clerkKeys.jwtPrivateKey, { ...identity, authorizedParty: TEST_APP_ORIGIN }),
        ),
        nbf: Math.floor(Date.now() / 1000) + 600,
      }),
      tamperedPayload: withPayloadOf(
        mintSessionToken(clerkKeys.jwtPrivateKey, { ...identity, authorizedParty: TEST_APP_ORIGIN }),
        mintSessionToken(clerkKeys.jwtPrivateKey, {
          ...callers.carolAdminOfGlobex,
          authorizedParty: TEST_APP_ORIGIN,
        }),
      ),
      pendingSession: mintSessionToken(clerkKeys.jwtPrivateKey, {
        ...identity,
        authorizedParty: TEST_APP_ORIGIN,
        sessionStatus: "pending",
      }),
      machineToken: "mt_0123456789abcdef0123456789abcdef",
      notAJwt: "not-a-token",
    };
    for (const [name, token] of Object.entries(tokens)) {
      const response = await apiCall("GET", "/projects", { headers: { authorization: `Bearer ${token}` } });
      expect(response.status, name).toBe(401);
    }
  });

  it("ignores a session cookie: the API is for Bearer tokens only", async () => {
    const response = await apiCall("GET", "/projects", {
      headers: { cookie: `__session=${tokenFor(callers.aliceAdminOfAcme)}` },
    });
    expect(response.status).toBe(401);
  });

  it("answers 403 when the session has no active organization, and when a member deletes", async () => {
    const noOrg = await apiCall("GET", "/projects", {
      headers: authorizationFor(callers.aliceWithoutOrganization),
    });
    expect([noOrg.status, (await errorOf(noOrg)).code]).toEqual([403, "no_active_organization"]);
    const project = await createViaApi("Admins only");
    const memberDelete = await apiCall("DELETE", `/projects/${project.id}`, { headers: asBob });
    expect([memberDelete.status, (await errorOf(memberDelete)).code]).toEqual([403, "forbidden"]);
  });
});

import type { SessionAuthObject } from "@clerk/backend";
import { beforeAll, describe, expect, it } from "vitest";
import {
  can,
  PERMISSIONS,
  type Permission,
  permissionsOf,
  ROLE_PERMISSIONS,
} from "@/server/auth/permissions";
import { authenticateWithClerk, TEST_APP_ORIGIN } from "../support/clerk-auth";
import { createClerkTestKeys, mintSessionToken } from "../support/clerk-tokens";

// `has()` is Clerk's own, from a token Clerk verified: the table is checked the way the app uses it.
const keys = createClerkTestKeys();
const sessions = new Map<string, SessionAuthObject>();

async function sessionWithRole(orgRole: string): Promise<SessionAuthObject> {
  const token = mintSessionToken(keys.jwtPrivateKey, {
    userId: "user_demo_alice",
    orgId: "org_demo_acme",
    orgSlug: "acme",
    orgRole,
    authorizedParty: TEST_APP_ORIGIN,
  });
  return authenticateWithClerk(keys, token);
}

const hasOf = (orgRole: string) => {
  const session = sessions.get(orgRole);
  if (!session) throw new Error(`no session minted for ${orgRole}`);
  return (params: { role: string }) => session.has(params);
};

beforeAll(async () => {
  for (const role of ["org:admin", "org:member", "org:auditor"])
    sessions.set(role, await sessionWithRole(role));
});

// The product's rules, in words: who may do what.
const matrix: Array<{ permission: Permission; admin: boolean; member: boolean }> = [
  { permission: "projects:read", admin: true, member: true },
  { permission: "projects:create", admin: true, member: true },
  { permission: "projects:update", admin: true, member: true },
  { permission: "tasks:write", admin: true, member: true },
  { permission: "projects:delete", admin: true, member: false },
  { permission: "organization:manage", admin: true, member: false },
  { permission: "organization:read-activity", admin: true, member: false },
  { permission: "organization:manage-billing", admin: true, member: false },
];

describe("role → permission table", () => {
  it("has a row in this specification for every permission the app defines", () => {
    expect(matrix.map(({ permission }) => permission).sort()).toEqual([...PERMISSIONS].sort());
  });

  it.each(matrix)(
    "grants $permission to admins: $admin, to members: $member",
    ({ permission, admin, member }) => {
      expect(can(hasOf("org:admin"), permission)).toBe(admin);
      expect(can(hasOf("org:member"), permission)).toBe(member);
    },
  );

  it("gives an admin everything a member has", () => {
    const member = permissionsOf(hasOf("org:member"));
    expect(permissionsOf(hasOf("org:admin"))).toEqual(expect.arrayContaining(member));
  });

  it("grants nothing to a role the table does not list", () => {
    expect(permissionsOf(hasOf("org:auditor"))).toEqual([]);
  });

  it("grants nothing to a session without an organization", async () => {
    const token = mintSessionToken(keys.jwtPrivateKey, {
      userId: "user_demo_alice",
      authorizedParty: TEST_APP_ORIGIN,
    });
    const session = await authenticateWithClerk(keys, token);
    expect(permissionsOf((params) => session.has(params))).toEqual([]);
  });

  it("lists only Clerk organization role keys", () => {
    for (const role of Object.keys(ROLE_PERMISSIONS)) expect(role).toMatch(/^org:[a-z_-]+$/);
  });
});

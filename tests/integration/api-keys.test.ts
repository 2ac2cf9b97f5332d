/**
 * Organization API keys on the REST API, in-process: the real route handlers, real PostgreSQL, and
 * Clerk's own SDK verifying every key against a local stand-in for its Backend API. The same matrix
 * runs over HTTP against the production build in tests/e2e/api-keys-http.test.ts.
 */
import "../support/app-clerk-env";
// Before any server module reads the environment: CLERK_API_URL names the Backend API stand-in.
import "../support/app-clerk-api";
import { createClerkClient } from "@clerk/backend";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { apiErrorSchema } from "@/lib/validation/api-error";
import { projectSchema } from "@/lib/validation/projects";
import { seedDemoData } from "@/prisma/seed";
import { verifyBearerRequest } from "@/server/auth/request-auth";
import { sessionFromAuth } from "@/server/auth/session";
import { listActivity } from "@/server/data/activity";
import { db } from "@/server/db";
import { apiCall } from "../support/api-routes";
import { clerkApi } from "../support/app-clerk-api";
import { clerkKeys } from "../support/app-clerk-env";
import { startClerkApiServer } from "../support/clerk-api-server";
import { TEST_APP_ORIGIN } from "../support/clerk-auth";
import { tenantSnapshot, withOwnerClient } from "../support/owner-db";
import { actAs, authorizationFor, callers } from "../support/tenant-callers";

const clerk = createClerkClient({ secretKey: clerkKeys.secretKey, apiUrl: clerkApi.apiUrl });

async function keyFor(subject: string, scopes?: string[], secondsUntilExpiration?: number) {
  const key = await clerk.apiKeys.create({
    name: "CI",
    subject,
    scopes,
    createdBy: "user_demo_alice",
    secondsUntilExpiration,
  });
  return { id: key.id, headers: { authorization: `Bearer ${key.secret}` } };
}

const errorOf = async (response: Response) => apiErrorSchema.parse(await response.json()).error;
const verifyCalls = () => clerkApi.requests.filter((line) => line === "POST /api_keys/verify").length;

beforeEach(async () => {
  await seedDemoData(db);
  await withOwnerClient((client) => client.query("TRUNCATE projects, tasks, audit_events"));
  clerkApi.instance.down = false;
});
afterAll(() => clerkApi.close());

describe("an organization API key", () => {
  it("acts for its own organization with the permissions its scopes name, as a key", async () => {
    const key = await keyFor("org_demo_acme", ["projects:read", "projects:create", "no-such:scope"]);
    const caller = await verifyBearerRequest(new Request(TEST_APP_ORIGIN, { headers: key.headers }));
    expect(sessionFromAuth(caller)).toEqual({
      state: "in-organization",
      context: {
        actor: `key:${key.id}`,
        caller: { kind: "api-key", keyId: key.id },
        orgId: "org_demo_acme",
        orgSlug: null,
        orgRole: null,
        permissions: ["projects:read", "projects:create"],
        // A key carries no plan claims; getSession reads its organization's synced plan instead.
        entitlements: { plan: null, features: [] },
      },
    });
  });

  it("sees the same projects as a member's session of that organization", async () => {
    await apiCall("POST", "/projects", {
      headers: authorizationFor(callers.aliceAdminOfAcme),
      body: { name: "A" },
    });
    const key = await keyFor("org_demo_acme", ["projects:read"]);
    const bySession = await apiCall("GET", "/projects", {
      headers: authorizationFor(callers.bobMemberOfAcme),
    });
    const byKey = await apiCall("GET", "/projects", { headers: key.headers });
    expect(byKey.status).toBe(200);
    expect(await byKey.json()).toEqual(await bySession.json());
  });

  it("reads only, without scopes (a key made on Clerk's own API Keys page)", async () => {
    const key = await keyFor("org_demo_acme");
    expect((await apiCall("GET", "/projects", { headers: key.headers })).status).toBe(200);
    const write = await apiCall("POST", "/projects", { headers: key.headers, body: { name: "B" } });
    expect(write.status).toBe(403);
  });

  it("refuses a write with a read-only key (403) and writes nothing", async () => {
    const key = await keyFor("org_demo_acme", ["projects:read"]);
    const before = await tenantSnapshot();
    const response = await apiCall("POST", "/projects", { headers: key.headers, body: { name: "C" } });
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toEqual({
      code: "forbidden",
      message: "This API key's scopes do not allow projects:create",
    });
    expect(await tenantSnapshot()).toEqual(before);
  });

  it("cannot see another organization's project (404)", async () => {
    const created = await apiCall("POST", "/projects", {
      headers: authorizationFor(callers.carolAdminOfGlobex),
      body: { name: "Globex only" },
    });
    const { id } = projectSchema.parse(await created.json());
    const key = await keyFor("org_demo_acme", ["projects:read", "projects:delete"]);
    expect((await apiCall("GET", `/projects/${id}`, { headers: key.headers })).status).toBe(404);
    expect((await apiCall("DELETE", `/projects/${id}`, { headers: key.headers })).status).toBe(404);
  });

  it("is recorded in the audit log as the key, and as the project's creator", async () => {
    const key = await keyFor("org_demo_acme", ["projects:create"]);
    const response = await apiCall("POST", "/projects", { headers: key.headers, body: { name: "By key" } });
    expect(response.status).toBe(201);
    const { rows } = await withOwnerClient((client) =>
      client.query(
        "SELECT p.created_by, a.actor FROM projects p JOIN audit_events a ON a.target_id = p.id::text",
      ),
    );
    expect(rows).toEqual([{ created_by: `key:${key.id}`, actor: `key:${key.id}` }]);
  });

  it("shows on the organization's activity log as an API key, not as a person", async () => {
    const key = await keyFor("org_demo_acme", ["projects:create"]);
    await apiCall("POST", "/projects", { headers: key.headers, body: { name: "Logged" } });
    const { data } = await actAs(callers.aliceAdminOfAcme, () => listActivity());
    expect(data.map((entry) => entry.actor)).toEqual([{ kind: "api-key", keyId: key.id }]);
  });

  it("asks Clerk once within the cache window, not on every request", async () => {
    const key = await keyFor("org_demo_acme", ["projects:read"]);
    const before = verifyCalls();
    for (let request = 0; request < 3; request += 1) {
      expect((await apiCall("GET", "/projects", { headers: key.headers })).status).toBe(200);
    }
    expect(verifyCalls() - before).toBe(1);
  });
});

describe("a key that does not make a caller", () => {
  const expect401 = async (response: Response) => {
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await errorOf(response)).code).toBe("unauthenticated");
  };

  it("is refused once revoked", async () => {
    const key = await keyFor("org_demo_acme", ["projects:read"]);
    await clerk.apiKeys.revoke({ apiKeyId: key.id, revocationReason: "leaked" });
    await expect401(await apiCall("GET", "/projects", { headers: key.headers }));
  });

  it("is refused once expired", async () => {
    const key = await keyFor("org_demo_acme", ["projects:read"], 1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await expect401(await apiCall("GET", "/projects", { headers: key.headers }));
  });

  it("is refused when another Clerk instance issued it", async () => {
    const other = await startClerkApiServer("sk_test_anotherinstance000000000000000000");
    try {
      const created = await createClerkClient({
        secretKey: other.secretKey,
        apiUrl: other.apiUrl,
      }).apiKeys.create({
        name: "elsewhere",
        subject: "org_demo_acme",
        scopes: ["projects:read"],
      });
      await expect401(
        await apiCall("GET", "/projects", { headers: { authorization: `Bearer ${created.secret}` } }),
      );
    } finally {
      await other.close();
    }
  });

  it("is refused when Clerk issued it to a user rather than an organization", async () => {
    const key = await keyFor("user_demo_alice", ["projects:read"]);
    await expect401(await apiCall("GET", "/projects", { headers: key.headers }));
  });

  it("answers 503, not 401, while Clerk cannot verify it", async () => {
    const key = await keyFor("org_demo_acme", ["projects:read"]);
    clerkApi.instance.down = true;
    const response = await apiCall("GET", "/projects", { headers: key.headers });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect((await errorOf(response)).code).toBe("unavailable");
  });
});

/**
 * Organization API keys over HTTP against the production build and a real PostgreSQL: every key is
 * created and revoked through Clerk's SDK on the run's Backend API stand-in, and the app verifies it
 * with Clerk's SDK too. A key acts for its own organization only, within its scopes, sees what a
 * session of that organization sees, and stops working once revoked or expired.
 */
import { createClerkClient } from "@clerk/backend";
import { describe, expect, it } from "vitest";
import { projectSchema } from "@/lib/validation/projects";
import { startClerkApiServer } from "../support/clerk-api-server";
import { type MintOptions, mintSessionToken } from "../support/clerk-tokens";
import { e2eContext } from "./support/e2e-context";
import { request } from "./support/http";
import { identities } from "./support/identities";

const { aliceInAcme, bobInAcme, carolInGlobex } = identities;
// server/auth/api-key-cache.ts: how long a server trusts a key it verified without asking Clerk again.
const API_KEY_CACHE_SECONDS = 10;

const clerk = () =>
  createClerkClient({ secretKey: e2eContext().secretKey, apiUrl: e2eContext().clerkApiUrl });

async function keyOf(orgId: string, scopes?: string[], secondsUntilExpiration?: number, name = "e2e") {
  const key = await clerk().apiKeys.create({ name, subject: orgId, scopes, secondsUntilExpiration });
  if (!key.secret) throw new Error("Clerk returns the secret when it creates a key");
  return { id: key.id, secret: key.secret };
}

const sessionOf = (identity: Omit<MintOptions, "authorizedParty">) =>
  mintSessionToken(e2eContext().jwtPrivateKey, { ...identity, authorizedParty: e2eContext().baseUrl });

/** A REST API request with `Authorization: Bearer <credential>` (a session token or an API key). */
function call(credential: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(new URL(`/api/v1${path}`, e2eContext().baseUrl), {
    method,
    headers: {
      Authorization: `Bearer ${credential}`,
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function createdBy(credential: string, name: string) {
  const response = await call(credential, "POST", "/projects", { name });
  expect(response.status).toBe(201);
  return projectSchema.parse(await response.json());
}

async function expect401(response: Response) {
  expect(response.status).toBe(401);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
}

const ALL_SCOPES = ["projects:read", "projects:create", "projects:update", "projects:delete", "tasks:write"];

describe("an organization API key over HTTP", () => {
  it("sees the same projects as a session of its organization", async () => {
    const key = await keyOf("org_demo_acme", ["projects:read"]);
    const [bySession, byKey] = await Promise.all([
      call(sessionOf(bobInAcme), "GET", "/projects?limit=100"),
      call(key.secret, "GET", "/projects?limit=100"),
    ]);
    expect([bySession.status, byKey.status]).toEqual([200, 200]);
    expect(await byKey.json()).toEqual(await bySession.json());
  });

  it("cannot read or change another organization's project (404), whatever its scopes", async () => {
    const globex = await createdBy(sessionOf(carolInGlobex), "Globex secret plan");
    const key = await keyOf("org_demo_acme", ALL_SCOPES);
    const attempts = await Promise.all([
      call(key.secret, "GET", `/projects/${globex.id}`),
      call(key.secret, "PATCH", `/projects/${globex.id}`, { name: "Taken over" }),
      call(key.secret, "DELETE", `/projects/${globex.id}`),
      call(key.secret, "POST", `/projects/${globex.id}/tasks`, { title: "Sneaky" }),
    ]);
    expect(attempts.map((response) => response.status)).toEqual([404, 404, 404, 404]);
    const listed = (await (await call(key.secret, "GET", "/projects?limit=100")).json()) as {
      data: Array<{ id: string }>;
    };
    expect(listed.data.map((project) => project.id)).not.toContain(globex.id);
    const after = await call(sessionOf(carolInGlobex), "GET", `/projects/${globex.id}`);
    expect(projectSchema.parse(await after.json()).name).toBe("Globex secret plan");
  });

  it("cannot write with read-only scopes (403), and nothing changes", async () => {
    const acme = await createdBy(sessionOf(aliceInAcme), "Read-only target");
    const key = await keyOf("org_demo_acme", ["projects:read"]);
    const attempts = await Promise.all([
      call(key.secret, "POST", "/projects", { name: "Not allowed" }),
      call(key.secret, "PATCH", `/projects/${acme.id}`, { name: "Not allowed" }),
      call(key.secret, "DELETE", `/projects/${acme.id}`),
      call(key.secret, "POST", `/projects/${acme.id}/tasks`, { title: "Not allowed" }),
    ]);
    expect(attempts.map((response) => response.status)).toEqual([403, 403, 403, 403]);
    const after = await call(key.secret, "GET", `/projects/${acme.id}`);
    expect(projectSchema.parse(await after.json())).toEqual(acme);
  });

  it("writes within its scopes, as the key: the project's creator and the activity log say so", async () => {
    const key = await keyOf("org_demo_acme", ["projects:read", "projects:create"]);
    const project = await createdBy(key.secret, "Made by a key");
    const bySession = await call(sessionOf(aliceInAcme), "GET", `/projects/${project.id}`);
    expect(projectSchema.parse(await bySession.json()).createdBy).toEqual({ apiKeyId: key.id });
    const activity = await request("/orgs/acme/activity", {
      session: aliceInAcme,
      carrier: "cookie-document",
    });
    expect(activity.status).toBe(200);
    expect(await activity.text()).toContain(`API key ${key.id}`);
  });

  it("is refused once revoked, within the documented cache window", async () => {
    const key = await keyOf("org_demo_acme", ["projects:read"]);
    expect((await call(key.secret, "GET", "/projects")).status).toBe(200);
    await clerk().apiKeys.revoke({ apiKeyId: key.id, revocationReason: "leaked" });
    const revokedAt = Date.now();
    await expect
      .poll(async () => (await call(key.secret, "GET", "/projects")).status, {
        timeout: (API_KEY_CACHE_SECONDS + 3) * 1000,
        interval: 500,
      })
      .toBe(401);
    expect(Date.now() - revokedAt).toBeLessThan((API_KEY_CACHE_SECONDS + 2) * 1000);
  });

  it("is refused at once when revoked before the server ever saw it", async () => {
    const key = await keyOf("org_demo_acme", ["projects:read"]);
    await clerk().apiKeys.revoke({ apiKeyId: key.id });
    await expect401(await call(key.secret, "GET", "/projects"));
  });

  it("is refused once expired", async () => {
    const key = await keyOf("org_demo_acme", ["projects:read"], 1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await expect401(await call(key.secret, "GET", "/projects"));
  });

  it("is refused when another Clerk instance issued it", async () => {
    const other = await startClerkApiServer("sk_test_anotherinstance000000000000000000");
    try {
      const foreign = await createClerkClient({
        secretKey: other.secretKey,
        apiUrl: other.apiUrl,
      }).apiKeys.create({
        name: "elsewhere",
        subject: "org_demo_acme",
        scopes: ALL_SCOPES,
      });
      await expect401(await call(foreign.secret ?? "", "GET", "/projects"));
    } finally {
      await other.close();
    }
  });

  it("reaches the route handler directly: Clerk's middleware does not verify it first", async () => {
    const key = await keyOf("org_demo_acme", ["projects:read"]);
    const response = await call(key.secret, "GET", "/projects");
    expect(response.status).toBe(200);
    // Clerk marks every response its middleware handled (see auth-gate-http.test.ts).
    expect(response.headers.get("x-clerk-auth-status")).toBeNull();
  });
});

describe("the API keys page", () => {
  it("lists the organization's keys to its admin, without their secrets or another organization's keys", async () => {
    const acme = await keyOf("org_demo_acme", ["projects:read"], undefined, "Acme nightly export");
    const globex = await keyOf("org_demo_globex", ["projects:read"], undefined, "Globex private sync");
    const page = await request("/orgs/acme/api-keys", { session: aliceInAcme, carrier: "cookie-document" });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Acme nightly export");
    expect(html).not.toContain(acme.secret);
    expect(html).not.toContain("Globex private sync");
    expect(html).not.toContain(globex.secret);
  });

  it("is not found for a member, who may not manage keys", async () => {
    const page = await request("/orgs/acme/api-keys", { session: bobInAcme, carrier: "cookie-document" });
    expect(page.status).toBe(404);
  });
});

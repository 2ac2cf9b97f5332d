/**
 * Managing the organization's API keys (the admin page's data access): Clerk's SDK makes, lists and
 * revokes them on the Backend API stand-in, for the caller's organization only, and never with a
 * permission the maker does not hold.
 */
import "../support/app-clerk-env";
// Before any server module reads the environment: CLERK_API_URL names the Backend API stand-in.
import "../support/app-clerk-api";
import { afterAll, describe, expect, it } from "vitest";
import { requireOrgContext } from "@/server/auth/context";
import { createApiKey, issueApiKey, listApiKeys, revokeApiKey } from "@/server/data/api-keys";
import { apiCall } from "../support/api-routes";
import { clerkApi } from "../support/app-clerk-api";
import { actAs, callers } from "../support/tenant-callers";

const { aliceAdminOfAcme, bobMemberOfAcme, carolAdminOfGlobex } = callers;

afterAll(() => clerkApi.close());

const failureOf = (work: Promise<unknown>) =>
  work.then(
    () => null,
    (error: { code?: string; status?: number }) => ({ code: error.code, status: error.status }),
  );

describe("an organization's API keys", () => {
  it("are made for the admin's organization, with the secret shown once, and then listed without it", async () => {
    const { key, secret } = await actAs(aliceAdminOfAcme, () =>
      createApiKey({ name: "Nightly export", scopes: ["projects:read"] }),
    );
    expect(secret).toMatch(/^ak_/);
    expect(key).toMatchObject({ name: "Nightly export", scopes: ["projects:read"], lastUsedAt: null });
    const stored = clerkApi.instance.apiKeys.find((candidate) => candidate.id === key.id);
    expect(stored).toMatchObject({ subject: "org_demo_acme", created_by: "user_demo_alice" });

    const listed = await actAs(aliceAdminOfAcme, () => listApiKeys());
    expect(listed.map((item) => item.id)).toContain(key.id);
    expect(JSON.stringify(listed)).not.toContain(secret);
    const globex = await actAs(carolAdminOfGlobex, () => listApiKeys());
    expect(globex.map((item) => item.id)).not.toContain(key.id);
  });

  it("work on the REST API at once; revoked, Clerk marks them so and the list drops them", async () => {
    const { key, secret } = await actAs(aliceAdminOfAcme, () =>
      createApiKey({ name: "Short-lived", scopes: ["projects:read"] }),
    );
    const headers = { authorization: `Bearer ${secret}` };
    expect((await apiCall("GET", "/projects", { headers })).status).toBe(200);
    await actAs(aliceAdminOfAcme, () => revokeApiKey(key.id));
    expect(clerkApi.instance.apiKeys.find((candidate) => candidate.id === key.id)?.revoked).toBe(true);
    expect((await actAs(aliceAdminOfAcme, () => listApiKeys())).map((item) => item.id)).not.toContain(key.id);
  });

  it("cannot be revoked from another organization: not found, and the key keeps working", async () => {
    const { key } = await actAs(aliceAdminOfAcme, () =>
      createApiKey({ name: "Acme's", scopes: ["projects:read"] }),
    );
    expect(await failureOf(actAs(carolAdminOfGlobex, () => revokeApiKey(key.id)))).toEqual({
      code: "not_found",
      status: 404,
    });
    expect(clerkApi.instance.apiKeys.find((candidate) => candidate.id === key.id)?.revoked).toBe(false);
  });

  it("are managed by admins only (403 for a member)", async () => {
    expect(await failureOf(actAs(bobMemberOfAcme, () => listApiKeys()))).toEqual({
      code: "forbidden",
      status: 403,
    });
    expect(
      await failureOf(
        actAs(bobMemberOfAcme, () => createApiKey({ name: "Mine", scopes: ["projects:read"] })),
      ),
    ).toEqual({ code: "forbidden", status: 403 });
  });

  it("never grant a permission their maker does not hold", async () => {
    const asMember = actAs(bobMemberOfAcme, async () =>
      issueApiKey(await requireOrgContext(), {
        name: "Escalate",
        scopes: ["projects:read", "projects:delete"],
      }),
    );
    expect(await failureOf(asMember)).toEqual({ code: "forbidden", status: 403 });
    expect(clerkApi.instance.apiKeys.map((key) => key.name)).not.toContain("Escalate");
  });

  it("refuses a name-less key or one without permissions, per field", async () => {
    const error = await actAs(aliceAdminOfAcme, () => createApiKey({ name: " ", scopes: [] })).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ name: "ZodError" });
  });

  it("answers 503 while Clerk cannot be asked (e.g. API keys not enabled in the Clerk Dashboard)", async () => {
    clerkApi.instance.down = true;
    try {
      expect(await failureOf(actAs(aliceAdminOfAcme, () => listApiKeys()))).toEqual({
        code: "unavailable",
        status: 503,
      });
    } finally {
      clerkApi.instance.down = false;
    }
  });
});

/**
 * The app's half of `orgs login`, in-process: a person's approval (as `/cli/authorize`'s action
 * records it) becomes a one-time code in real PostgreSQL; the real `/api/cli/token` handler redeems it
 * for a Clerk API key made by Clerk's own SDK against the Backend API stand-in; the key then works on
 * the REST API and on `/api/cli/session`, until logout revokes it.
 */
import "../support/app-clerk-env";
// Before any server module reads the environment: CLERK_API_URL names the Backend API stand-in.
import "../support/app-clerk-api";
import { beforeEach, describe, expect, it } from "vitest";
import * as sessionRoute from "@/app/api/cli/session/route";
import * as tokenRoute from "@/app/api/cli/token/route";
import {
  type CliAuthorizeRequest,
  type CliTokenResponse,
  codeChallengeOf,
  randomToken,
} from "@/lib/cli-protocol";
import { apiErrorSchema } from "@/lib/validation/api-error";
import { seedDemoData } from "@/prisma/seed";
import { requireOrgContext } from "@/server/auth/context";
import { ROLE_PERMISSIONS } from "@/server/auth/permissions";
import { issueCliCode } from "@/server/cli/authorization-codes";
import { CLI_KEY_LIFETIME_SECONDS } from "@/server/cli/cli-keys";
import { db } from "@/server/db";
import { apiCall } from "../support/api-routes";
import { clerkApi } from "../support/app-clerk-api";
import { TEST_APP_ORIGIN } from "../support/clerk-auth";
import type { SessionIdentity } from "../support/clerk-tokens";
import { withOwnerClient } from "../support/owner-db";
import { actAs, callers } from "../support/tenant-callers";

beforeEach(async () => {
  await seedDemoData(db);
  await withOwnerClient((client) => client.query("TRUNCATE cli_authorizations"));
  clerkApi.instance.apiKeys.length = 0;
  clerkApi.instance.down = false;
});

/** What the CLI holds (verifier, state) and what the browser carried back (code), after `caller` approved. */
async function approvedBy(caller: SessionIdentity) {
  const verifier = randomToken();
  const request: CliAuthorizeRequest = {
    state: randomToken(),
    code_challenge: codeChallengeOf(verifier),
    code_challenge_method: "S256",
    port: 49152,
    device: "ada-laptop",
  };
  const code = await actAs(caller, async () => issueCliCode(await requireOrgContext(), request));
  return { code, code_verifier: verifier, state: request.state };
}

const redeem = (body: unknown) =>
  tokenRoute.POST(
    new Request(`${TEST_APP_ORIGIN}/api/cli/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );

const session = (method: "GET" | "DELETE", token: string) => {
  const request = new Request(`${TEST_APP_ORIGIN}/api/cli/session`, {
    method,
    headers: { authorization: `Bearer ${token}` },
  });
  return method === "GET" ? sessionRoute.GET(request) : sessionRoute.DELETE(request);
};

const errorOf = async (response: Response) => apiErrorSchema.parse(await response.json()).error;

describe("redeeming the one-time code", () => {
  it("gives the CLI an API key for the approving person's organization, with their role's permissions, for 30 days", async () => {
    const response = await redeem(await approvedBy(callers.bobMemberOfAcme));
    expect(response.status).toBe(200);
    const issued = (await response.json()) as CliTokenResponse;
    expect(issued).toMatchObject({
      userId: "user_demo_bob",
      organization: { id: "org_demo_acme", slug: "acme" },
      scopes: [...(ROLE_PERMISSIONS["org:member"] ?? [])],
    });
    const [key] = clerkApi.instance.apiKeys;
    expect(key).toMatchObject({
      secret: issued.token,
      subject: "org_demo_acme",
      created_by: "user_demo_bob",
      name: "orgs CLI on ada-laptop",
      claims: { orgs_cli: true, user_id: "user_demo_bob", org_slug: "acme" },
    });
    const lifetime = ((key?.expiration ?? 0) - (key?.created_at ?? 0)) / 1000;
    expect(lifetime).toBe(CLI_KEY_LIFETIME_SECONDS);
  });

  it("lists the organization's projects on the REST API with the key", async () => {
    const { token } = (await (
      await redeem(await approvedBy(callers.aliceAdminOfAcme))
    ).json()) as CliTokenResponse;
    const response = await apiCall("GET", "/projects", { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: Array<{ name: string }> };
    expect(data.length).toBeGreaterThan(0);
  });

  it("refuses the same code a second time, and makes no second key", async () => {
    const approval = await approvedBy(callers.aliceAdminOfAcme);
    expect((await redeem(approval)).status).toBe(200);
    const again = await redeem(approval);
    expect(again.status).toBe(401);
    expect(clerkApi.instance.apiKeys).toHaveLength(1);
  });

  it("of two simultaneous redemptions, lets exactly one through", async () => {
    const approval = await approvedBy(callers.aliceAdminOfAcme);
    const statuses = (await Promise.all([redeem(approval), redeem(approval)])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 401]);
  });

  it.each([
    ["another PKCE verifier", { code_verifier: randomToken() }],
    ["another state", { state: randomToken() }],
    ["an unknown code", { code: randomToken() }],
  ])("refuses the code with %s, the same way, and makes no key", async (_what, change) => {
    const response = await redeem({ ...(await approvedBy(callers.aliceAdminOfAcme)), ...change });
    expect(response.status).toBe(401);
    expect((await errorOf(response)).message).toMatch(/invalid, expired or already used/);
    expect(clerkApi.instance.apiKeys).toHaveLength(0);
  });

  it("spends the code on a wrong verifier: the right one cannot follow (the code may have been intercepted)", async () => {
    const approval = await approvedBy(callers.aliceAdminOfAcme);
    expect((await redeem({ ...approval, code_verifier: randomToken() })).status).toBe(401);
    expect((await redeem(approval)).status).toBe(401);
  });

  it("refuses a code older than two minutes", async () => {
    const approval = await approvedBy(callers.aliceAdminOfAcme);
    await withOwnerClient((client) =>
      client.query("UPDATE cli_authorizations SET expires_at = now() - interval '1 second'"),
    );
    expect((await redeem(approval)).status).toBe(401);
  });

  it("refuses to approve for a role that grants no permissions (a key without scopes would read projects)", async () => {
    const viewer = {
      userId: "user_demo_bob",
      orgId: "org_demo_acme",
      orgSlug: "acme",
      orgRole: "org:viewer",
    };
    await expect(approvedBy(viewer)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("keeps only the code's hash in the database", async () => {
    const { code } = await approvedBy(callers.aliceAdminOfAcme);
    const { rows } = await withOwnerClient((client) => client.query("SELECT * FROM cli_authorizations"));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(code);
  });

  it("answers a malformed request 422 per field", async () => {
    const response = await redeem({ code: "x", code_verifier: "short", state: "s" });
    expect(response.status).toBe(422);
    expect(Object.keys((await errorOf(response)).fields ?? {})).toEqual(["code_verifier", "state"]);
  });

  it("answers 503 while Clerk is unreachable, not 500", async () => {
    const approval = await approvedBy(callers.aliceAdminOfAcme);
    clerkApi.instance.down = true;
    expect((await redeem(approval)).status).toBe(503);
  });
});

describe("the CLI's session", () => {
  it("says who the key acts as, and logout revokes it at Clerk", async () => {
    const issued = (await (
      await redeem(await approvedBy(callers.aliceAdminOfAcme))
    ).json()) as CliTokenResponse;
    const whoami = await session("GET", issued.token);
    expect(whoami.status).toBe(200);
    const { token: _secret, ...identity } = issued;
    expect(await whoami.json()).toEqual(identity);

    expect((await session("DELETE", issued.token)).status).toBe(204);
    expect(clerkApi.instance.apiKeys[0]?.revoked).toBe(true);
    expect((await session("GET", issued.token)).status).toBe(401);
  });

  it("refuses a valid API key that `orgs login` did not make (403), and no key at all (401)", async () => {
    await approvedBy(callers.aliceAdminOfAcme);
    const { createClerkClient } = await import("@clerk/backend");
    const clerk = createClerkClient({ secretKey: process.env.CLERK_SECRET_KEY, apiUrl: clerkApi.apiUrl });
    const other = await clerk.apiKeys.create({ name: "CI", subject: "org_demo_acme" });
    expect((await session("DELETE", other.secret ?? "")).status).toBe(403);
    expect(clerkApi.instance.apiKeys[0]?.revoked).toBe(false);
    expect((await sessionRoute.GET(new Request(`${TEST_APP_ORIGIN}/api/cli/session`))).status).toBe(401);
  });
});

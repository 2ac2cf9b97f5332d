/**
 * The middleware and the auth context over HTTP, against the built app: Clerk's SDK verifies every
 * token these tests sign, exactly as in production.
 */
import { describe, expect, it } from "vitest";
import { createClerkTestKeys, mintSessionToken } from "../support/clerk-tokens";
import { e2eContext } from "./support/e2e-context";
import { request } from "./support/http";
import { identities } from "./support/identities";

const { aliceInAcme, aliceInGlobex, bobInAcme, carolInGlobex, aliceWithoutOrganization, platformAdmin } =
  identities;

async function expectJson401(response: Response) {
  expect(response.status).toBe(401);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(await response.json()).toEqual({
    error: { code: "unauthenticated", message: expect.stringMatching(/sign in/i) },
  });
}

describe("public routes", () => {
  it.each(["/", "/sign-in", "/sign-up", "/api/health"])("serves %s without a session", async (path) => {
    const response = await request(path, { carrier: "cookie-document" });
    expect(response.status).toBe(200);
  });

  it("lets webhook deliveries through to their route without a session", async () => {
    const response = await request("/api/webhooks/clerk", { method: "POST" });
    // Whatever the webhook route answers (it verifies the Svix signature itself), it is not the gate's 401.
    expect(response.status).not.toBe(401);
    expect(response.headers.get("location")).toBeNull();
  });

  it("does not run Clerk's session handling on webhook deliveries, which the Svix signature authenticates", async () => {
    const page = await request("/sign-in", { carrier: "cookie-document" });
    const webhook = await request("/api/webhooks/clerk", { method: "POST" });
    // Clerk marks every response its middleware handled; the sign-in page is the control.
    expect(page.headers.get("x-clerk-auth-status")).not.toBeNull();
    expect(webhook.headers.get("x-clerk-auth-status")).toBeNull();
  });

  it("serves the landing page without Clerk: no middleware, no <ClerkProvider>, no clerk-js", async () => {
    const page = await request("/", { carrier: "cookie-document" });
    expect(page.status).toBe(200);
    expect(page.headers.get("x-clerk-auth-status")).toBeNull();
    // `<ClerkProvider>` renders the tag that loads clerk-js from Clerk's Frontend API.
    expect(await page.text()).not.toContain(e2eContext().frontendApi);
  });
});

describe("signed-out visitors", () => {
  it("are sent from an app page to the app's own sign-in page, with the way back", async () => {
    const response = await request("/orgs/acme/settings?tab=members", { carrier: "cookie-document" });
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location") ?? "", e2eContext().baseUrl);
    expect(`${location.origin}${location.pathname}`).toBe(`${e2eContext().baseUrl}/sign-in`);
    expect(location.searchParams.get("redirect_url")).toBe(
      `${e2eContext().baseUrl}/orgs/acme/settings?tab=members`,
    );
  });

  // Each on a route that has the method: the REST API skips the middleware, so a method a route
  // lacks is Next.js's 405 before any credential is looked at.
  it.each([
    ["GET", "/api/v1/projects"],
    ["POST", "/api/v1/projects"],
    ["DELETE", "/api/v1/projects/0190b1a2-0000-7000-8000-000000000000"],
  ])("get a JSON 401 from a private API on %s, never a redirect", async (method, path) => {
    await expectJson401(await request(path, { method }));
  });

  it("get JSON from an API even when they ask for HTML", async () => {
    await expectJson401(await request("/api/v1/projects", { carrier: "cookie-document" }));
  });
});

describe("tokens that do not make a session", () => {
  it("treats an expired Bearer token as signed out", async () => {
    await expectJson401(await request("/api/v1/projects", { session: { ...aliceInAcme, expiresIn: -60 } }));
  });

  it("treats a token signed with another key as signed out", async () => {
    const forged = mintSessionToken(createClerkTestKeys().jwtPrivateKey, {
      ...aliceInAcme,
      authorizedParty: e2eContext().baseUrl,
    });
    await expectJson401(await request("/api/v1/projects", { rawToken: forged }));
  });

  it("treats a token issued for another origin (azp) as signed out", async () => {
    const session = { ...aliceInAcme, authorizedParty: "https://evil.example" };
    await expectJson401(await request("/api/v1/projects", { session }));
  });

  it("answers an expired session cookie on an API fetch with a JSON 401", async () => {
    const session = { ...aliceInAcme, expiresIn: -60 };
    await expectJson401(await request("/api/v1/projects", { session, carrier: "cookie-fetch" }));
  });

  it("never serves a page for an expired session cookie: Clerk is asked to refresh the session first", async () => {
    const session = { ...aliceInAcme, expiresIn: -60 };
    const response = await request("/orgs/acme", { session, carrier: "cookie-document" });
    expect(response.status).toBe(307);
    expect(new URL(response.headers.get("location") ?? "").host).toBe(e2eContext().frontendApi);
  });
});

describe("signed-in callers", () => {
  it("pass the gate to API routes (here one that does not exist: 404, not 401)", async () => {
    const response = await request("/api/v1/no-such-route", { session: aliceInAcme });
    expect(response.status).toBe(404);
  });

  it.each([
    ["v2", 2],
    ["v1", 1],
  ] as const)("see their organization's dashboard with %s session claims", async (_, claimsVersion) => {
    const response = await request("/orgs/acme", { session: { ...aliceInAcme, claimsVersion } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Acme Inc.");
    expect(html).toContain("Bob Builder");
  });

  it("are sent from the choose-an-organization page to their active organization", async () => {
    const response = await request("/orgs", { session: aliceInGlobex });
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toMatch(/\/orgs\/globex$/);
  });

  it("without an active organization are asked to choose one", async () => {
    const response = await request("/orgs", { session: aliceWithoutOrganization });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Choose an organization");
  });
});

describe("organization URLs", () => {
  it("answer 404, with nothing of the other organization, when the URL names an org the session does not act for", async () => {
    const response = await request("/orgs/acme", { session: aliceInGlobex });
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).not.toContain("Acme Inc.");
    expect(html).not.toContain("Bob Builder");
  });

  it("answer 404 on a client-side navigation (cookie session, no handshake) to another org", async () => {
    const response = await request("/orgs/acme", { session: aliceInGlobex, carrier: "cookie-fetch" });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("Bob Builder");
  });

  it("answer 404 to someone who is not a member of the organization", async () => {
    const response = await request("/orgs/acme", { session: carolInGlobex });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("Acme Inc.");
  });

  it("answer 404 when the session has no active organization", async () => {
    expect((await request("/orgs/acme", { session: aliceWithoutOrganization })).status).toBe(404);
  });

  it("make Clerk switch the active organization when a page is opened by its link", async () => {
    const response = await request("/orgs/acme", { session: aliceInGlobex, carrier: "cookie-document" });
    expect(response.status).toBe(307);
    const handshake = new URL(response.headers.get("location") ?? "");
    expect(handshake.host).toBe(e2eContext().frontendApi);
    expect(handshake.pathname).toBe("/v1/client/handshake");
  });
});

describe("admin-only pages", () => {
  it("show an organization's settings to its admin", async () => {
    expect((await request("/orgs/acme/settings", { session: aliceInAcme })).status).toBe(200);
  });

  it("answer 404 to a member, so the page is not revealed", async () => {
    expect((await request("/orgs/acme/settings", { session: bobInAcme })).status).toBe(404);
  });

  it("show the platform admin area to a platform admin", async () => {
    const response = await request("/admin", { session: platformAdmin });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Webhook deliveries");
  });

  it("answer 404 at /admin to an organization admin who is not a platform admin", async () => {
    expect((await request("/admin", { session: aliceInAcme })).status).toBe(404);
  });
});

/**
 * Signing in and out, as a person in Chromium sees it, against the built app. Clerk's servers are
 * unreachable from this browser (as offline): the tests sign session tokens, the middleware verifies
 * them with Clerk's SDK, and Clerk's widgets show their "unavailable" sentence instead of loading.
 */
import { describe, expect, it } from "vitest";
import { screenshot, visibleText } from "./support/browser";
import { openBrowserPerFile } from "./support/browser-session";
import { e2eContext } from "./support/e2e-context";
import { identities } from "./support/identities";

const openAs = openBrowserPerFile();

describe("signed out", () => {
  it("lands on the sign-in page when opening an app page, which says why Clerk's form is missing", async () => {
    const page = await openAs(null);
    await page.goto("/orgs/acme");
    const url = new URL(page.url());
    expect(url.pathname).toBe("/sign-in");
    expect(url.searchParams.get("redirect_url")).toBe(`${e2eContext().baseUrl}/orgs/acme`);
    // Clerk gives its script 15 s before it reports the failure.
    await expect
      .poll(() => page.getByTestId("clerk-unavailable").textContent(), { timeout: 25_000 })
      .toMatch(/sign-in form could not load because Clerk is unreachable/);
    await screenshot(page, "sign-in-clerk-unreachable");
  });

  it("sees the landing page", async () => {
    const page = await openAs(null);
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    expect(await visibleText(page.locator("h1"))).toMatch(/organizations built in/);
    await screenshot(page, "landing");
  });

  it("gets a JSON 401 from the API, from a script in the page", async () => {
    const page = await openAs(null);
    await page.goto("/");
    const answer = await page.evaluate(async () => {
      const response = await fetch("/api/v1/projects");
      return {
        status: response.status,
        type: response.headers.get("content-type"),
        body: await response.json(),
      };
    });
    expect(answer).toEqual({
      status: 401,
      type: expect.stringMatching(/^application\/json/),
      body: { error: { code: "unauthenticated", message: expect.any(String) } },
    });
  });
});

describe("an expired session token", () => {
  it("is treated as signed out when Clerk no longer has the session: the browser lands on sign-in", async () => {
    const page = await openAs(identities.aliceInAcme, { tokenExpiresIn: -60, sessionEnded: true });
    const seen: string[] = [];
    page.on("response", (response) => seen.push(`${response.status()} ${new URL(response.url()).pathname}`));
    await page.goto("/orgs/acme");
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    expect(seen).not.toContain("200 /orgs/acme");
    expect(await page.content()).not.toContain("Bob Builder");
  });

  it("is refreshed through Clerk when the session is still alive, and the page opens", async () => {
    const page = await openAs(identities.aliceInAcme, { tokenExpiresIn: -60 });
    const response = await page.goto("/orgs/acme");
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe("/orgs/acme");
    expect(await visibleText(page.locator("main"))).toContain("Acme Inc.");
  });
});

describe("signed in without an active organization", () => {
  it("is offered to choose or create an organization", async () => {
    const page = await openAs(identities.aliceWithoutOrganization);
    const response = await page.goto("/orgs");
    expect(response?.status()).toBe(200);
    expect(await visibleText(page.locator("h1"))).toBe("Choose an organization");
    await screenshot(page, "choose-organization");
  });
});

describe("the platform admin area", () => {
  it("shows platform-wide counts to a platform admin", async () => {
    const page = await openAs(identities.platformAdmin);
    const response = await page.goto("/admin");
    expect(response?.status()).toBe(200);
    const text = await visibleText(page.locator("main"));
    expect(text).toMatch(/Users\s+3/);
    expect(text).toMatch(/Organizations\s+2/);
    expect(await page.getByRole("link", { name: /Recent webhook deliveries/ }).getAttribute("href")).toBe(
      "/admin/webhooks",
    );
    await screenshot(page, "platform-admin");
  });

  it("is a 404 for everyone else, organization admins included", async () => {
    const page = await openAs(identities.aliceInAcme);
    const response = await page.goto("/admin");
    expect(response?.status()).toBe(404);
    expect(await visibleText(page.locator("main"))).not.toMatch(/Webhook deliveries/);
  });
});

/**
 * Acting for an organization, as a person in Chromium sees it, against the built app: the URL names
 * the organization, Clerk's active organization follows it, and nothing of another one ever shows.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot, visibleText } from "./support/browser";
import { openBrowserPerFile } from "./support/browser-session";
import { identities } from "./support/identities";

const openAs = openBrowserPerFile();
const mainText = (page: Page) => visibleText(page.locator("main"));
const navLinks = (page: Page) =>
  page.getByRole("navigation", { name: "Organization" }).getByRole("link").allInnerTexts();

describe("a member of organization A", () => {
  it("sees A's dashboard: its name and members, from Postgres", async () => {
    const page = await openAs(identities.aliceInAcme);
    const response = await page.goto("/orgs/acme");
    expect(response?.status()).toBe(200);
    const text = await mainText(page);
    expect(text).toContain("Acme Inc.");
    expect(text).toContain("Alice Admin");
    expect(text).toContain("Bob Builder");
    expect(text).not.toContain("Carol");
    await screenshot(page, "dashboard-acme-as-admin");
  });

  it("sees the admin-only links as an admin, and not as a member", async () => {
    const admin = await openAs(identities.aliceInAcme);
    await admin.goto("/orgs/acme");
    expect(await navLinks(admin)).toEqual([
      "Dashboard",
      "Projects",
      "Activity",
      "Settings",
      "API keys",
      "Billing",
    ]);
    const member = await openAs(identities.bobInAcme);
    await member.goto("/orgs/acme");
    expect(await navLinks(member)).toEqual(["Dashboard", "Projects"]);
  });

  it("as an admin opens the organization's settings, where Clerk's profile would be", async () => {
    const page = await openAs(identities.aliceInAcme);
    const response = await page.goto("/orgs/acme/settings");
    expect(response?.status()).toBe(200);
    expect(await visibleText(page.locator("h1"))).toBe("Settings");
    // Clerk gives its script 15 s before it reports the failure.
    await expect
      .poll(() => page.locator("main").getByTestId("clerk-unavailable").textContent(), { timeout: 25_000 })
      .toMatch(/Organization settings could not load/);
    await screenshot(page, "settings-acme-as-admin");
  });

  it("as a member is refused the admin-only settings with a 404", async () => {
    const page = await openAs(identities.bobInAcme);
    const response = await page.goto("/orgs/acme/settings");
    expect(response?.status()).toBe(404);
    expect(await mainText(page)).toContain("Page not found");
    await screenshot(page, "settings-refused-to-member");
  });
});

describe("the same user with organization B active", () => {
  it("sees B's pages and nothing of A's", async () => {
    const page = await openAs(identities.aliceInGlobex);
    const response = await page.goto("/orgs/globex");
    expect(response?.status()).toBe(200);
    const text = await mainText(page);
    expect(text).toContain("Globex Corporation");
    expect(text).toContain("Carol Chen");
    expect(text).not.toContain("Acme");
    expect(text).not.toContain("Bob Builder");
    expect(await navLinks(page)).toEqual(["Dashboard", "Projects"]);
    await screenshot(page, "dashboard-globex-as-member");
  });

  it("switches to A by opening A's URL: Clerk activates A, and the page is A's", async () => {
    const page = await openAs(identities.aliceInGlobex);
    await page.goto("/orgs/globex");
    const response = await page.goto("/orgs/acme");
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe("/orgs/acme");
    const text = await mainText(page);
    expect(text).toContain("Acme Inc.");
    expect(text).not.toContain("Globex");
    // Alice is an admin in Acme: the role came with the switch.
    expect(await navLinks(page)).toContain("Settings");
  });
});

describe("someone who is not a member of organization A", () => {
  it("gets a 404 for A's URL, never A's page: Clerk cannot activate it", async () => {
    const page = await openAs(identities.carolInGlobex);
    const seen: number[] = [];
    page.on("response", (response) => {
      if (new URL(response.url()).pathname === "/orgs/acme") seen.push(response.status());
    });
    const response = await page.goto("/orgs/acme");
    expect(response?.status()).toBe(404);
    expect(seen).not.toContain(200);
    const text = await mainText(page);
    expect(text).toContain("Page not found");
    expect(text).not.toContain("Acme Inc.");
    await screenshot(page, "other-organization-not-found");
  });
});

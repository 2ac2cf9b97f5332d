/**
 * Plans in a real browser (Debian's Chromium) against the production build: the billing page with the
 * plan our database synced from a signed Clerk Billing webhook, the refusal of a member without the
 * billing permission, the free plan's fourth project refused through the page's form, the activity
 * log's upgrade notice, and the past-due banner.
 */
import { describe, expect, it } from "vitest";
import { FREE_PROJECT_LIMIT } from "@/server/billing/plans";
import { billingJson } from "../support/clerk-billing";
import { eventBody, svixHeaders } from "../support/svix-signing";
import { screenshot, visibleText } from "./support/browser";
import { openBrowserPerFile } from "./support/browser-session";
import { e2eContext } from "./support/e2e-context";
import { request } from "./support/http";
import { identities } from "./support/identities";

const openAs = openBrowserPerFile();

/** Delivers a Clerk webhook to the running app, signed with the app's secret as Svix would. */
async function deliver(type: string, data: unknown): Promise<void> {
  const { baseUrl, webhookSigningSecret } = e2eContext();
  const body = eventBody(type, data);
  const response = await fetch(`${baseUrl}/api/webhooks/clerk`, {
    method: "POST",
    headers: svixHeaders(body, { secret: webhookSigningSecret }),
    body,
  });
  expect(response.status).toBe(200);
}

describe("the billing page", () => {
  it("shows an admin the plan and status synced from Clerk, and what each plan unlocks", async () => {
    await deliver(
      "subscription.active",
      billingJson.subscription("csub_e2e_acme", "org_demo_acme", Date.now(), {
        items: [billingJson.item("csi_e2e_acme_pro", Date.now(), { plan: "pro", periodStart: Date.now() })],
      }),
    );
    const page = await openAs(identities.aliceInAcme);
    const response = await page.goto("/orgs/acme/billing");
    expect(response?.status()).toBe(200);
    await expect.poll(() => visibleText(page.getByTestId("current-plan"))).toBe("Pro");
    expect(await visibleText(page.getByTestId("subscription-status"))).toBe("Active");
    const plans = await visibleText(page.getByRole("table"));
    expect(plans).toContain("The activity log");
    expect(plans).toContain("Up to 3");
    await screenshot(page, "billing-acme-as-admin");
  });

  it("is served with a CSP that admits Stripe's hosts, which Clerk's pricing table and checkout load", async () => {
    const response = await request("/orgs/acme/billing", {
      session: identities.aliceInAcme,
      carrier: "cookie-document",
    });
    expect(response.status).toBe(200);
    const directives = new Map(
      (response.headers.get("content-security-policy") ?? "").split(";").map((directive) => {
        const [name = "", ...sources] = directive.trim().split(/\s+/);
        return [name, sources] as const;
      }),
    );
    expect(directives.get("script-src")).toEqual(expect.arrayContaining(["https://js.stripe.com"]));
    expect(directives.get("frame-src")).toEqual(
      expect.arrayContaining(["https://js.stripe.com", "https://hooks.stripe.com"]),
    );
    expect(directives.get("connect-src")).toContain("https://api.stripe.com");
  });

  it("is the not-found page for a member without the billing permission, and is not in their menu", async () => {
    const page = await openAs(identities.bobInAcme);
    const response = await page.goto("/orgs/acme/billing");
    expect(response?.status()).toBe(404);
    await page.goto("/orgs/acme");
    expect(await page.getByRole("navigation", { name: "Organization" }).innerText()).not.toContain("Billing");
  });
});

describe("the free plan in the browser", () => {
  it("refuses a fourth project through the page's form with a message that says what to do", async () => {
    const page = await openAs(identities.carolInGlobex);
    const created: string[] = [];
    try {
      // Other files share this database and may add to Globex: fill it up to the limit, then one more.
      const listed = await request("/api/v1/projects?limit=100", { session: identities.carolInGlobex });
      const { data } = (await listed.json()) as { data: unknown[] };
      const room = Math.max(0, FREE_PROJECT_LIMIT - data.length);
      const names = [
        ...Array.from({ length: room }, (_, index) => `Within the limit ${index + 1}`),
        "One too many",
      ];
      for (const name of names) {
        await page.goto("/orgs/globex/projects/new");
        await page.getByLabel("Name", { exact: true }).fill(name);
        await page.getByRole("button", { name: "Create project" }).click();
        if (name !== "One too many") {
          await page.waitForURL(/\/orgs\/globex\/projects\/[0-9a-f-]{36}$/);
          created.push(new URL(page.url()).pathname.split("/").at(-1) as string);
        }
      }
      await expect
        .poll(() => page.getByRole("alert").allInnerTexts())
        .toContainEqual(expect.stringMatching(/up to 3 projects: upgrade to Pro/));
      expect(new URL(page.url()).pathname).toBe("/orgs/globex/projects/new");
      await screenshot(page, "project-limit-free-plan");
    } finally {
      for (const id of created) {
        await request(`/api/v1/projects/${id}`, { method: "DELETE", session: identities.carolInGlobex });
      }
    }
  });

  it("shows what upgrading unlocks on the activity page instead of the log", async () => {
    const page = await openAs(identities.carolInGlobex);
    const response = await page.goto("/orgs/globex/activity");
    expect(response?.status()).toBe(200);
    const notice = await visibleText(page.getByTestId("upgrade-notice"));
    expect(notice).toMatch(/activity log.*Pro plan/s);
    expect(await page.getByRole("link", { name: "See plans and upgrade →" }).getAttribute("href")).toBe(
      "/orgs/globex/billing",
    );
  });
});

describe("a payment past due", () => {
  it("puts a banner on the organization's pages for its admins, and the billing page says so", async () => {
    await deliver(
      "subscription.pastDue",
      billingJson.subscription("csub_e2e_globex", "org_demo_globex", Date.now(), {
        status: "past_due",
        items: [billingJson.item("csi_e2e_globex_pro", Date.now(), { plan: "pro", status: "past_due" })],
      }),
    );
    const page = await openAs(identities.carolInGlobex);
    await page.goto("/orgs/globex/projects");
    expect(await visibleText(page.getByRole("alert").filter({ hasText: "past due" }).first())).toMatch(
      /past due.*read-only/s,
    );
    await page.goto("/orgs/globex/billing");
    expect(await visibleText(page.getByTestId("subscription-status"))).toBe("Payment past due");

    const member = await openAs(identities.aliceInGlobex);
    await member.goto("/orgs/globex/projects");
    await expect.poll(() => member.getByRole("heading", { level: 1 }).count()).toBeGreaterThan(0);
    expect(await member.getByText("past due").count()).toBe(0);
  });
});

/**
 * Security headers and the middleware's reach, over HTTP against the production build: every kind
 * of response carries the same headers (pages, the API, the webhook route that skips the
 * middleware, the gate's own redirects and refusals), and the pages still work in Chromium under
 * the Content-Security-Policy.
 */
import { describe, expect, it } from "vitest";
import { openBrowserPerFile } from "./support/browser-session";
import { e2eContext } from "./support/e2e-context";
import { request } from "./support/http";
import { identities } from "./support/identities";

const { aliceInAcme } = identities;
const openAs = openBrowserPerFile();

function directivesOf(response: Response): Map<string, string[]> {
  const policy = response.headers.get("content-security-policy") ?? "";
  return new Map(
    policy
      .split(";")
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name = "", ...sources]) => [name, sources]),
  );
}

function expectSecurityHeaders(response: Response) {
  const directives = directivesOf(response);
  expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
  expect(directives.get("default-src")).toEqual(["'self'"]);
  expect(directives.get("object-src")).toEqual(["'none'"]);
  expect(directives.get("base-uri")).toEqual(["'self'"]);
  expect(directives.get("form-action")).toEqual(["'self'"]);
  expect(response.headers.get("x-frame-options")).toBe("DENY");
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(response.headers.get("strict-transport-security")).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
}

describe("security headers", () => {
  it.each([
    ["the public landing page", "/", {}],
    ["the sign-in page", "/sign-in", {}],
    ["a signed-in app page", "/orgs/acme/projects", { session: aliceInAcme }],
  ] as const)("are on %s", async (_, path, options) => {
    const response = await request(path, { carrier: "cookie-document", ...options });
    expect(response.status).toBe(200);
    expectSecurityHeaders(response);
  });

  it("are on an API route's answer", async () => {
    const response = await request("/api/v1/projects", { session: aliceInAcme });
    expect(response.status).toBe(200);
    expectSecurityHeaders(response);
  });

  it("are on the webhook route, which the middleware never sees", async () => {
    const response = await request("/api/webhooks/clerk", { method: "POST" });
    expect(response.headers.get("x-clerk-auth-status")).toBeNull();
    expect(response.status).toBe(400);
    expectSecurityHeaders(response);
  });

  it("are on the gate's own redirect to sign-in and its JSON 401", async () => {
    const redirect = await request("/orgs/acme/projects", { carrier: "cookie-document" });
    expect(redirect.status).toBe(307);
    expectSecurityHeaders(redirect);
    const refusal = await request("/api/v1/projects");
    expect(refusal.status).toBe(401);
    expectSecurityHeaders(refusal);
  });

  it("let scripts come only from the app and Clerk's Frontend API, with no eval in production", async () => {
    const directives = directivesOf(await request("/", { carrier: "cookie-document" }));
    const scripts = directives.get("script-src") ?? [];
    expect(scripts).toEqual(expect.arrayContaining(["'self'", `https://${e2eContext().frontendApi}`]));
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(scripts.filter((source) => source === "https:" || source === "http:" || source === "*")).toEqual(
      [],
    );
    expect(directives.get("connect-src")).toContain(`https://${e2eContext().frontendApi}`);
    expect(directives.get("img-src")).toContain("https://img.clerk.com");
  });
});

describe("the middleware's matcher", () => {
  it("gates an app path that only contains a static file extension", async () => {
    const response = await request("/orgs/acme/projects/x.png.evil", { carrier: "cookie-document" });
    expect(response.headers.get("x-clerk-auth-status")).not.toBeNull();
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location") ?? "", e2eContext().baseUrl);
    expect(location.pathname).toBe("/sign-in");
  });

  it("still lets a path that ends in a static file extension skip it", async () => {
    const response = await request("/orgs/acme/logo.png", { carrier: "cookie-document" });
    expect(response.headers.get("x-clerk-auth-status")).toBeNull();
    expect(response.status).not.toBe(307);
  });

  it("still lets the build's own static files skip it", async () => {
    const page = await (await request("/", { carrier: "cookie-document" })).text();
    const asset = /\/_next\/static\/[^"']+\.(?:css|js)/.exec(page)?.[0];
    if (!asset) throw new Error("the landing page links no static asset");
    const response = await request(asset);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-clerk-auth-status")).toBeNull();
  });
});

describe("the pages under the Content-Security-Policy, in Chromium", () => {
  it("blocks nothing the app's pages load, and the app still works client-side", async () => {
    const page = await openAs(aliceInAcme);
    const blocked: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
    });
    page.on("requestfailed", (failed) => {
      if (failed.failure()?.errorText.includes("BLOCKED_BY_CSP")) blocked.push(failed.url());
    });
    const clerkRequests: string[] = [];
    page.on("request", (sent) => {
      if (new URL(sent.url()).host === e2eContext().frontendApi) clerkRequests.push(sent.url());
    });

    await page.goto("/");
    await page.goto("/orgs/acme/projects");
    // A client-side navigation needs the hydrated app: its inline bootstrap scripts ran.
    await page.getByRole("link", { name: "New project" }).click();
    await page.waitForURL((url) => url.pathname === "/orgs/acme/projects/new");
    await page.getByLabel("Name", { exact: true }).waitFor();
    await page.goto("/orgs/acme/activity");
    await page.getByRole("heading", { name: "Activity" }).waitFor();

    expect(blocked).toEqual([]);
    // The browser asked Clerk's Frontend API for clerk-js (unreachable offline, but not refused by the policy).
    expect(clerkRequests.length).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from "vitest";
import { isApiPath, isPublicPath, organizationPath } from "@/lib/auth/routes";

describe("which paths are public", () => {
  it.each(["/", "/sign-in", "/sign-in/factor-one", "/sign-up", "/sign-up/verify", "/setup"])(
    "serves the page %s to everyone",
    (path) => expect(isPublicPath(path)).toBe(true),
  );

  it.each([
    "/api/webhooks/clerk",
    "/api/health",
    "/api/v1/openapi.json",
    "/api/cli/token",
    "/api/cli/session",
  ])("serves the API %s to everyone", (path) => expect(isPublicPath(path)).toBe(true));

  it.each([
    "/orgs",
    "/orgs/acme",
    "/orgs/acme/settings",
    "/admin",
    "/api/v1/projects",
    "/api/me",
    "/api/webhooks-admin",
    "/sign-in-elsewhere",
    "/setup/more",
    "/cli/authorize",
    "/api/cliff",
  ])("keeps %s private", (path) => expect(isPublicPath(path)).toBe(false));
});

describe("API paths", () => {
  it("recognizes /api and everything under it", () => {
    expect([isApiPath("/api"), isApiPath("/api/v1/projects")]).toEqual([true, true]);
  });

  it("does not mistake a page that starts with the same letters for an API", () => {
    expect(isApiPath("/apiary")).toBe(false);
  });
});

describe("organization paths", () => {
  it("builds /orgs/:slug/… and escapes the slug", () => {
    expect(organizationPath("acme", "settings")).toBe("/orgs/acme/settings");
    expect(organizationPath("a/b")).toBe("/orgs/a%2Fb");
  });
});

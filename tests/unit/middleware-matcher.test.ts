import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import { config } from "@/middleware";

const runsOn = (path: string) => unstable_doesMiddlewareMatch({ config, url: path });

describe("the middleware's matcher", () => {
  it("skips the landing page, which is static and reads no session", () => {
    expect(runsOn("/")).toBe(false);
    expect(runsOn("/?utm_source=x")).toBe(false);
  });

  it("still runs on every other page, sign-in and the app's own API routes", () => {
    for (const path of ["/orgs", "/orgs/acme", "/sign-in", "/setup", "/cli/authorize", "/api/cli/token"]) {
      expect(runsOn(path), path).toBe(true);
    }
  });

  it("skips webhooks, the REST API (its handlers verify) and static files", () => {
    for (const path of ["/api/webhooks/clerk", "/api/v1/projects", "/_next/static/x.js", "/favicon.ico"]) {
      expect(runsOn(path), path).toBe(false);
    }
  });
});

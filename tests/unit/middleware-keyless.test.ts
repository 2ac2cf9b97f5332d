import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
});

// No Clerk keys in this environment: the middleware runs its keyless demo-mode gate.
async function keylessMiddleware() {
  vi.stubEnv("NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY", "");
  vi.stubEnv("CLERK_SECRET_KEY", "");
  vi.resetModules();
  const { default: middleware } = await import("@/middleware");
  return (path: string) =>
    // The keyless gate never reads the fetch event, so none is built.
    middleware(new NextRequest(new URL(path, "http://localhost:3000")), {} as never) as Promise<
      Response | undefined
    >;
}

describe("the middleware without Clerk keys", () => {
  it("sends private pages to the setup page that says which keys to set", async () => {
    const gate = await keylessMiddleware();
    const response = await gate("/orgs/acme");
    expect(response?.status).toBe(307);
    expect(response?.headers.get("location")).toBe("http://localhost:3000/setup");
  });

  it("answers private APIs with a JSON 503 that says sign-in is not configured", async () => {
    const gate = await keylessMiddleware();
    const response = await gate("/api/v1/projects");
    expect(response?.status).toBe(503);
    expect(await response?.json()).toEqual({
      error: { code: "auth_not_configured", message: expect.stringMatching(/not configured/) },
    });
  });

  it.each(["/", "/setup", "/sign-in", "/api/health", "/api/webhooks/clerk"])(
    "lets %s through",
    async (path) => {
      const gate = await keylessMiddleware();
      expect(await gate(path)).toBeUndefined();
    },
  );
});

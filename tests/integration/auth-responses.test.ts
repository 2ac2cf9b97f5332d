import { describe, expect, it } from "vitest";
import { AuthError } from "@/server/auth/errors";
import { authErrorResponse, catchAuthFailure } from "@/server/auth/responses";

describe("auth failures for route handlers", () => {
  it.each([
    [new AuthError("signed-out", "Sign in to continue"), 401],
    [new AuthError("no-organization", "Choose an organization to continue"), 403],
    [new AuthError("forbidden", "Your role does not allow projects:delete"), 403],
    [new AuthError("clerk-not-configured", "Sign-in is not configured on this server"), 503],
  ])("answers %s with its status and a readable JSON body", async (error, status) => {
    const response = authErrorResponse(error);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ error: error.message, reason: error.reason });
  });
});

describe("auth failures for server actions", () => {
  it("returns the failure as a result the form can show", async () => {
    const result = await catchAuthFailure(async () => {
      throw new AuthError("forbidden", "Your role does not allow projects:delete");
    });
    expect(result).toEqual({
      ok: false,
      status: 403,
      reason: "forbidden",
      error: "Your role does not allow projects:delete",
    });
  });

  it("passes the action's own result through", async () => {
    expect(await catchAuthFailure(async () => ({ ok: true as const, id: "p1" }))).toEqual({
      ok: true,
      id: "p1",
    });
  });

  it("lets other errors surface instead of disguising a bug as a refusal", async () => {
    await expect(
      catchAuthFailure(async () => {
        throw new TypeError("boom");
      }),
    ).rejects.toThrow(TypeError);
  });
});

/**
 * The three entry points render the one failure vocabulary (`lib/failure.ts`) each in its own way:
 * `apiRoute` as the API's JSON, `runFormAction` as form state, `requireOrgPage` / `forPage` as a page.
 * Callers are Clerk-verified from tokens this run signs; nothing stands in for Clerk.
 */
import "../support/app-clerk-env";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Failure, RateLimitedError, UnavailableError } from "@/lib/failure";
import { runFormAction } from "@/server/actions/form-action";
import { apiRoute } from "@/server/api/route";
import { requireOrgPage } from "@/server/auth/context";
import { NotFoundError } from "@/server/data/errors";
import { forPage } from "@/server/failures/page";
import { TEST_APP_ORIGIN } from "../support/clerk-auth";
import { actAs, authorizationFor, type Caller, callers } from "../support/tenant-callers";

afterEach(() => {
  vi.restoreAllMocks();
});

const NO_PARAMS = { params: Promise.resolve({}) };

function callRoute(caller: Caller, handler: () => Promise<Response>): Promise<Response> {
  const request = new Request(`${TEST_APP_ORIGIN}/api/v1/anything`, { headers: authorizationFor(caller) });
  return apiRoute(handler)(request, NO_PARAMS);
}

const fails = (error: unknown) => async (): Promise<never> => {
  throw error;
};

/** What a page turned a failure into: Next's redirect or not-found, or the error itself for `error.tsx`. */
async function pageOutcome(render: () => Promise<unknown>): Promise<string | unknown> {
  try {
    await render();
    return "rendered";
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest !== "string") return error;
    if (digest.startsWith("NEXT_REDIRECT")) return `redirect ${digest.split(";")[2]}`;
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return "not found";
    return digest;
  }
}

describe("route handlers (apiRoute)", () => {
  it.each([
    [null, 401, "unauthenticated"],
    [callers.aliceWithoutOrganization, 403, "no_active_organization"],
  ] as const)(
    "refuses %o before the handler runs, in the API's error shape",
    async (caller, status, code) => {
      const handler = vi.fn(async () => new Response("ran"));
      const response = await callRoute(caller, handler);
      expect(handler).not.toHaveBeenCalled();
      expect(response.status).toBe(status);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toEqual({ error: { code, message: expect.any(String) } });
    },
  );

  it("tells a signed-out client how to authenticate", async () => {
    const response = await callRoute(null, async () => new Response("ran"));
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="api"');
  });

  it("answers a rate-limited caller 429 with Retry-After in seconds", async () => {
    const response = await callRoute(callers.bobMemberOfAcme, fails(new RateLimitedError(30)));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("30");
    expect(await response.json()).toEqual({
      error: { code: "rate_limited", message: "Too many requests: try again in 30 seconds" },
    });
  });

  it("answers an unavailable dependency 503 with Retry-After", async () => {
    const response = await callRoute(callers.bobMemberOfAcme, fails(new UnavailableError("The database", 7)));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("7");
    expect((await response.json()).error.code).toBe("unavailable");
  });

  it("answers a bug with a 500 that reveals nothing, and logs it with its stack", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const bug = new TypeError("secret detail");
    const response = await callRoute(callers.bobMemberOfAcme, fails(bug));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: { code: "internal_error", message: "Something went wrong on our side; please try again" },
    });
    expect(logged).toHaveBeenCalledWith(expect.stringContaining("GET /api/v1/anything"), bug);
  });
});

describe("server actions (runFormAction)", () => {
  it.each([
    [null, 401, "Sign in to continue"],
    [callers.aliceWithoutOrganization, 403, "Choose an organization to continue"],
  ] as const)(
    "returns %o's refusal as a state the form shows, without running the work",
    async (caller, code, message) => {
      const work = vi.fn(async () => undefined);
      const state = await actAs(caller, () => runFormAction("acme", work));
      expect(work).not.toHaveBeenCalled();
      expect(state).toEqual({ status: "error", code, message, fields: {} });
    },
  );

  it("returns a role's refusal from the data access layer as a 403 state", async () => {
    const state = await actAs(callers.bobMemberOfAcme, () =>
      runFormAction("acme", fails(new Failure("forbidden", "Your role does not allow projects:delete"))),
    );
    expect(state).toEqual({
      status: "error",
      code: 403,
      message: "Your role does not allow projects:delete",
      fields: {},
    });
  });

  it("passes the work's own state through, and reports success when it returns nothing", async () => {
    const saved = { status: "success", message: "Saved" } as const;
    expect(await actAs(callers.bobMemberOfAcme, () => runFormAction("acme", async () => saved))).toEqual(
      saved,
    );
    expect(await actAs(callers.bobMemberOfAcme, () => runFormAction("acme", async () => undefined))).toEqual({
      status: "success",
    });
  });

  it("shows a rate-limited person when to try again, in seconds", async () => {
    const state = await actAs(callers.bobMemberOfAcme, () =>
      runFormAction("acme", fails(new RateLimitedError(12))),
    );
    expect(state).toMatchObject({
      status: "error",
      code: 429,
      retryAfterSeconds: 12,
      message: "Too many requests: try again in 12 seconds",
    });
  });

  it("does not disguise a bug as a refusal: a 500 state, and the bug logged with its stack", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const bug = new TypeError("boom");
    const state = await actAs(callers.bobMemberOfAcme, () => runFormAction("acme", fails(bug)));
    expect(state).toMatchObject({ status: "error", code: 500 });
    expect(logged).toHaveBeenCalledWith(expect.any(String), bug);
  });
});

describe("pages (requireOrgPage, forPage)", () => {
  it("sends a signed-in person without an active organization to choose one", async () => {
    expect(await actAs(callers.aliceWithoutOrganization, () => pageOutcome(() => requireOrgPage()))).toBe(
      "redirect /orgs",
    );
  });

  it("shows the not-found page to a role that may not see the page, so its existence is not revealed", async () => {
    expect(
      await actAs(callers.bobMemberOfAcme, () => pageOutcome(() => requireOrgPage("organization:manage"))),
    ).toBe("not found");
  });

  it("returns the context to a role that may see the page", async () => {
    const context = await actAs(callers.aliceAdminOfAcme, () => requireOrgPage("organization:manage"));
    expect(context).toMatchObject({ orgSlug: "acme", orgRole: "org:admin" });
  });

  it("shows the not-found page for a row that is not this organization's", async () => {
    expect(await pageOutcome(() => forPage(Promise.reject(new NotFoundError("Project"))))).toBe("not found");
  });

  it("hands an unavailable database to the error page, which offers to try again", async () => {
    const unavailable = new UnavailableError("The database");
    expect(await pageOutcome(() => forPage(Promise.reject(unavailable)))).toBe(unavailable);
  });
});

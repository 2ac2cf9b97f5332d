/**
 * A REST API request resolves its caller's session once, however many layers ask: `apiRoute`, the
 * data access layer, each `inTenant` call. React's `cache` does this for pages, but does not apply in
 * route handlers, so without `perRequest` an API key's request read its plan from the database twice.
 */
import "../support/app-clerk-env";
import { describe, expect, it } from "vitest";
import { getSession } from "@/server/auth/context";
import { perRequest } from "@/server/auth/request-auth";
import { actAs, callers } from "../support/tenant-callers";

describe("one session per API request", () => {
  it("answers every getSession() of one request with the same session", async () => {
    const [first, second] = await actAs(callers.aliceAdminOfAcme, async () => [
      await getSession(),
      await getSession(),
    ]);
    expect(first).toMatchObject({ state: "in-organization" });
    expect(second).toBe(first);
  });

  it("resolves again for the next request", async () => {
    let calls = 0;
    const counted = perRequest(async () => ++calls);
    const answers = [
      await actAs(callers.aliceAdminOfAcme, async () => [await counted(), await counted()]),
      await actAs(callers.aliceAdminOfAcme, async () => [await counted(), await counted()]),
    ];
    expect(answers).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });
});

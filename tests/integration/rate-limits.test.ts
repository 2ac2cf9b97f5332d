/**
 * The rate limits against a real PostgreSQL, through the entry points that apply them: `apiRoute`
 * (per caller), `runFormAction` (per caller), the public route handlers (per IP) and the webhook
 * route (per IP, failed verifications only). Callers are Clerk-verified from tokens this run signs.
 */
import "../support/app-clerk-env";
import "../support/rate-limits-on";
import { randomUUID } from "node:crypto";
import type { Pool } from "pg";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { GET as getHealth } from "@/app/api/health/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { runFormAction } from "@/server/actions/form-action";
import { apiRoute } from "@/server/api/route";
import { createRateLimiter } from "@/server/rate-limit/limiter";
import { createRateLimitPool } from "@/server/rate-limit/store";
import { TEST_APP_ORIGIN } from "../support/clerk-auth";
import { withOwnerClient } from "../support/owner-db";
import { TEST_RATE_LIMITS } from "../support/rate-limits-on";
import { loadWebhookRoute } from "../support/svix-route";
import { eventBody, newSigningSecret, svixHeaders } from "../support/svix-signing";
import { ACME, actAs, authorizationFor, type Caller, callers } from "../support/tenant-callers";

afterEach(() => {
  vi.restoreAllMocks();
});

// The webhook route reads its signing secret when first loaded: a fresh module graph with it set.
vi.resetModules();
const webhook = await loadWebhookRoute();

/** `run` `count` times, one after the other, as one client would. */
async function times<T>(count: number, run: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let index = 0; index < count; index++) results.push(await run());
  return results;
}

const handler = vi.fn(async () => new Response("ran"));

function callApi(caller: Caller): Promise<Response> {
  const request = new Request(`${TEST_APP_ORIGIN}/api/v1/projects`, { headers: authorizationFor(caller) });
  return apiRoute(handler)(request, { params: Promise.resolve({}) });
}

const fromIp = (ip: string, path: string) =>
  new Request(`${TEST_APP_ORIGIN}${path}`, { headers: { "x-forwarded-for": ip } });

async function expectRateLimited(response: Response) {
  expect(response.status).toBe(429);
  expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  expect(Number(response.headers.get("retry-after"))).toBeLessThanOrEqual(60);
  expect(await response.json()).toEqual({
    error: {
      code: "rate_limited",
      message: expect.stringMatching(/^Too many requests: try again in \d+ seconds?$/),
    },
  });
}

describe("the REST API (per caller, in one organization)", () => {
  it("refuses the request after the limit with 429 and Retry-After, before the handler runs", async () => {
    const allowed = await times(TEST_RATE_LIMITS.api, () => callApi(callers.bobMemberOfAcme));
    expect(allowed.map((response) => response.status)).toEqual(Array(TEST_RATE_LIMITS.api).fill(200));
    handler.mockClear();
    await expectRateLimited(await callApi(callers.bobMemberOfAcme));
    expect(handler).not.toHaveBeenCalled();
  });

  it("leaves another caller, and the same person in another organization, their own budget", async () => {
    expect((await callApi(callers.aliceAdminOfAcme)).status).toBe(200);
    expect((await callApi(callers.carolAdminOfGlobex)).status).toBe(200);
    await times(TEST_RATE_LIMITS.api, () => callApi(callers.aliceAdminOfAcme));
    expect((await callApi(callers.aliceAdminOfAcme)).status).toBe(429);
    expect((await callApi(callers.aliceMemberOfGlobex)).status).toBe(200);
  });
});

describe("server actions (per caller)", () => {
  it("returns the refusal over the limit as a form state that says when to try again", async () => {
    const work = vi.fn(async () => undefined);
    const act = () => actAs(callers.carolAdminOfGlobex, () => runFormAction("globex", work));
    expect(await times(TEST_RATE_LIMITS.actions, act)).toEqual(
      Array(TEST_RATE_LIMITS.actions).fill({ status: "success" }),
    );
    work.mockClear();
    expect(await act()).toMatchObject({
      status: "error",
      code: 429,
      retryAfterSeconds: expect.any(Number),
      message: expect.stringMatching(/^Too many requests: try again in \d+ seconds?$/),
    });
    expect(work).not.toHaveBeenCalled();
  });
});

describe("public route handlers (per IP)", () => {
  it("refuses an IP over the limit across the public routes, and not another IP", async () => {
    const ip = "203.0.113.10";
    const statuses = [
      (await getHealth(fromIp(ip, "/api/health"))).status,
      (await getOpenApi(fromIp(ip, "/api/v1/openapi.json"))).status,
      ...(await times(TEST_RATE_LIMITS.public - 2, () => getHealth(fromIp(ip, "/api/health")))).map(
        (response) => response.status,
      ),
    ];
    expect(statuses).toEqual(Array(TEST_RATE_LIMITS.public).fill(200));
    await expectRateLimited(await getOpenApi(fromIp(ip, "/api/v1/openapi.json")));
    expect((await getHealth(fromIp("203.0.113.11", "/api/health"))).status).toBe(200);
  });

  it("counts the address the trusted proxy saw, not what the client wrote before it", async () => {
    let forged = 0;
    const spoofing = () => getHealth(fromIp(`198.51.100.${++forged}, 203.0.113.20`, "/api/health"));
    await times(TEST_RATE_LIMITS.public, spoofing);
    expect((await spoofing()).status).toBe(429);
  });
});

describe("the webhook route (per IP, failed verifications only)", () => {
  function delivery(ip: string, secret?: string): Request {
    const body = eventBody("user.created", {
      object: "user",
      id: `user_${randomUUID().replaceAll("-", "")}`,
      email_addresses: [],
      updated_at: Date.now(),
    });
    return new Request(`${TEST_APP_ORIGIN}/api/webhooks/clerk`, {
      method: "POST",
      headers: { ...svixHeaders(body, { secret }), "x-forwarded-for": ip },
      body,
    });
  }

  it("refuses a flood of bad signatures with 429, yet accepts every valid delivery from the same IP", async () => {
    vi.spyOn(console, "info").mockImplementation(() => {});
    const ip = "192.0.2.50";
    const forged = () => webhook.POST(delivery(ip, newSigningSecret()));
    const refused = await times(TEST_RATE_LIMITS.webhookFailures, forged);
    expect(refused.map((response) => response.status)).toEqual(
      Array(TEST_RATE_LIMITS.webhookFailures).fill(400),
    );
    const limited = await forged();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);

    const valid = await times(TEST_RATE_LIMITS.webhookFailures + 2, () => webhook.POST(delivery(ip)));
    expect(valid.map((response) => response.status)).toEqual(
      Array(TEST_RATE_LIMITS.webhookFailures + 2).fill(200),
    );
    expect((await forged()).status).toBe(429);
  });
});

describe("the shared store", () => {
  const pools: Pool[] = [];
  const newInstancePool = () => {
    const pool = createRateLimitPool(process.env.DATABASE_URL as string);
    pools.push(pool);
    return pool;
  };
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
  });

  it("gives two app instances one budget per caller", async () => {
    const options = { name: "two-instances", perMinute: 10, batch: 2 };
    const instanceA = createRateLimiter({ ...options, pool: newInstancePool() });
    const instanceB = createRateLimiter({ ...options, pool: newInstancePool() });
    await times(6, () => instanceA.consume("caller"));
    await times(4, () => instanceB.consume("caller"));
    await expect(instanceA.consume("caller")).rejects.toMatchObject({ status: 429 });
    await expect(instanceB.consume("caller")).rejects.toMatchObject({ status: 429 });
    await expect(instanceB.consume("another caller")).resolves.toBeUndefined();
  });

  it("is asked once per batch of requests, and not at all for a caller already over the limit", async () => {
    const pool = newInstancePool();
    const queries = vi.spyOn(pool, "query");
    const limiter = createRateLimiter({ name: "round-trips", perMinute: 30, batch: 10, pool });
    await times(30, () => limiter.consume("caller"));
    expect(queries).toHaveBeenCalledTimes(3);
    // The store's answer to the last batch said the limit is reached: refused from memory from here on.
    await expect(limiter.consume("caller")).rejects.toMatchObject({ status: 429 });
    await expect(limiter.consume("caller")).rejects.toMatchObject({ status: 429 });
    expect(queries).toHaveBeenCalledTimes(3);
  });

  it("allows no more than the limit when a caller's requests arrive at once", async () => {
    const limiter = createRateLimiter({ name: "at-once", perMinute: 10, batch: 5, pool: newInstancePool() });
    const outcomes = await Promise.allSettled(Array.from({ length: 30 }, () => limiter.consume("caller")));
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(10);
  });

  it("lets requests through when its table cannot be reached, logging one line for the outage", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const dave = { userId: "user_rate_dave", ...ACME, orgRole: "org:member" } as const;
    await withOwnerClient((client) => client.query("REVOKE ALL ON rate_limits FROM app_user"));
    try {
      const statuses = (await times(TEST_RATE_LIMITS.api * 2, () => callApi(dave))).map((r) => r.status);
      expect(statuses).toEqual(Array(TEST_RATE_LIMITS.api * 2).fill(200));
      expect(logged).toHaveBeenCalledTimes(1);
      expect(logged).toHaveBeenCalledWith(
        expect.stringMatching(/^rate limit "api": store unavailable \(.+\)/),
      );
    } finally {
      await withOwnerClient((client) =>
        client.query("GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limits TO app_user"),
      );
    }
  });
});

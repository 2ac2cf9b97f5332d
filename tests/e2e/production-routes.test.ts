/**
 * A production build serves the product and nothing else: the benchmark lab (bench/) measures these
 * routes from outside and serves its baselines from an app of its own.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { e2eContext } from "./support/e2e-context";
import { request } from "./support/http";
import { identities } from "./support/identities";

const BENCHMARK_ONLY = /bench/i;

describe("the production build", () => {
  it("has no route that exists only for benchmarks", () => {
    const manifest = JSON.parse(
      readFileSync(path.join(e2eContext().distDir, "server/app-paths-manifest.json"), "utf8"),
    ) as Record<string, string>;
    const routes = Object.keys(manifest);
    expect(routes).toContain("/api/v1/projects/route");
    expect(routes.filter((route) => BENCHMARK_ONLY.test(route))).toEqual([]);
  });

  it.each([
    ["GET", "/api/benchmark/public"],
    ["GET", "/api/benchmark/protected"],
    ["POST", "/api/webhooks/bench-baseline"],
  ])("answers 404 to %s %s, even for a signed-in admin", async (method, route) => {
    const response = await request(route, { method, session: identities.aliceInAcme });
    expect(response.status).toBe(404);
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";

async function loadRoutes(benchmarkRoutes: string | undefined) {
  if (benchmarkRoutes === undefined) delete process.env.BENCHMARK_ROUTES;
  else process.env.BENCHMARK_ROUTES = benchmarkRoutes;
  vi.resetModules();
  return {
    publicRoute: await import("@/app/api/benchmark/public/route"),
    protectedRoute: await import("@/app/api/benchmark/protected/route"),
  };
}

afterEach(() => {
  delete process.env.BENCHMARK_ROUTES;
});

describe("the auth benchmark's route pair", () => {
  it.each([undefined, "0"])("answers 404 on both routes when BENCHMARK_ROUTES is %s", async (value) => {
    const { publicRoute, protectedRoute } = await loadRoutes(value);
    for (const response of [
      await publicRoute.GET(),
      await protectedRoute.GET(new Request("http://localhost/api/benchmark/protected")),
    ]) {
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: "Not found" });
    }
  });

  it("does the shared work, a database round-trip, on the public route when the benchmark turns it on", async () => {
    const { publicRoute } = await loadRoutes("1");
    const response = await publicRoute.GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", database: "reachable" });
  });
});

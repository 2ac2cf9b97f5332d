import { describe, expect, it } from "vitest";
import { isPublicPath } from "@/lib/auth/routes";
import { InvalidEnvironmentError, parseServerEnv } from "@/lib/config/env-schema";

const DATABASE_URL = "postgresql://app:secret@localhost:5432/app";

describe("the auth benchmark's route pair", () => {
  it("lets the middleware pass the public route without a session and keeps the protected one private", () => {
    expect(isPublicPath("/api/benchmark/public")).toBe(true);
    expect(isPublicPath("/api/benchmark/protected")).toBe(false);
    expect(isPublicPath("/api/benchmark")).toBe(false);
  });

  it("is switched off unless BENCHMARK_ROUTES says otherwise", () => {
    expect(parseServerEnv({ DATABASE_URL }).benchmarkRoutes).toBe(false);
    expect(parseServerEnv({ DATABASE_URL, BENCHMARK_ROUTES: "" }).benchmarkRoutes).toBe(false);
    expect(parseServerEnv({ DATABASE_URL, BENCHMARK_ROUTES: "0" }).benchmarkRoutes).toBe(false);
    expect(parseServerEnv({ DATABASE_URL, BENCHMARK_ROUTES: "1" }).benchmarkRoutes).toBe(true);
  });

  it("names BENCHMARK_ROUTES when its value is neither on nor off", () => {
    expect(() => parseServerEnv({ DATABASE_URL, BENCHMARK_ROUTES: "please" })).toThrow(
      InvalidEnvironmentError,
    );
    expect(() => parseServerEnv({ DATABASE_URL, BENCHMARK_ROUTES: "please" })).toThrow(
      /BENCHMARK_ROUTES must be "1"/,
    );
  });
});

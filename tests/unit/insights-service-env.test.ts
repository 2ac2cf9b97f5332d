import { describe, expect, it } from "vitest";
import { InvalidEnvironmentError, parseServerEnv } from "@/lib/config/env-schema";

const DATABASE_URL = "postgresql://app:secret@localhost:5432/app";

describe("INSIGHTS_SERVICE_URL, where the project page's insights card comes from", () => {
  it("is off when unset: the page shows no card", () => {
    expect(parseServerEnv({ DATABASE_URL }).insightsServiceUrl).toBeUndefined();
  });

  it("reads the service's base URL without a trailing slash", () => {
    const env = parseServerEnv({ DATABASE_URL, INSIGHTS_SERVICE_URL: "http://localhost:8001/" });
    expect(env.insightsServiceUrl).toBe("http://localhost:8001");
  });

  it("refuses a value that is not an http(s) URL", () => {
    expect(() => parseServerEnv({ DATABASE_URL, INSIGHTS_SERVICE_URL: "localhost:8001" })).toThrow(
      InvalidEnvironmentError,
    );
  });
});

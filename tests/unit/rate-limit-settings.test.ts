import { describe, expect, it } from "vitest";
import { DEFAULT_RATE_LIMITS, InvalidEnvironmentError, parseServerEnv } from "@/lib/config/env-schema";
import { clientIpOf } from "@/server/rate-limit/client-ip";

const DATABASE_URL = "postgresql://app:secret@localhost:5432/app";

describe("rate limit settings", () => {
  it("turns the limits on in production and off elsewhere unless RATE_LIMIT_ENABLED says otherwise", () => {
    expect(parseServerEnv({ DATABASE_URL, NODE_ENV: "production" }).rateLimits.enabled).toBe(true);
    expect(parseServerEnv({ DATABASE_URL, NODE_ENV: "development" }).rateLimits.enabled).toBe(false);
    const off = { DATABASE_URL, NODE_ENV: "production", RATE_LIMIT_ENABLED: "false" };
    expect(parseServerEnv(off).rateLimits.enabled).toBe(false);
    expect(parseServerEnv({ DATABASE_URL, RATE_LIMIT_ENABLED: "true" }).rateLimits.enabled).toBe(true);
  });

  it("reads each limit per minute, with defaults for the ones not set", () => {
    const { rateLimits } = parseServerEnv({ DATABASE_URL, RATE_LIMIT_API_PER_MINUTE: "1200" });
    expect(rateLimits).toMatchObject({ ...DEFAULT_RATE_LIMITS, apiPerMinute: 1200, trustedProxies: 0 });
  });

  it.each([
    ["RATE_LIMIT_ACTIONS_PER_MINUTE", "0"],
    ["RATE_LIMIT_PUBLIC_PER_MINUTE", "many"],
    ["RATE_LIMIT_TRUSTED_PROXIES", "-1"],
    ["RATE_LIMIT_ENABLED", "perhaps"],
  ])("refuses %s=%s, naming the variable", (name, value) => {
    expect(() => parseServerEnv({ DATABASE_URL, [name]: value })).toThrow(InvalidEnvironmentError);
    expect(() => parseServerEnv({ DATABASE_URL, [name]: value })).toThrow(name);
  });
});

describe("the client IP of a per-IP limit", () => {
  const headers = (values: Record<string, string>) => new Headers(values);

  it("behind trusted proxies, takes the address the outermost one saw and ignores what the client wrote", () => {
    const forwarded = headers({ "x-forwarded-for": "10.0.0.1, 198.51.100.7, 192.0.2.1" });
    expect(clientIpOf(forwarded, 1)).toBe("192.0.2.1");
    expect(clientIpOf(forwarded, 2)).toBe("198.51.100.7");
  });

  it("with more trusted proxies configured than addresses listed, takes the first address", () => {
    expect(clientIpOf(headers({ "x-forwarded-for": "192.0.2.1" }), 3)).toBe("192.0.2.1");
  });

  it("cuts a made-up address to a key the limits' table can hold", () => {
    expect(clientIpOf(headers({ "x-real-ip": "9".repeat(1000) }), 0)).toHaveLength(64);
  });

  it("with no trusted proxy, prefers X-Real-IP over X-Forwarded-For", () => {
    const both = headers({ "x-real-ip": "192.0.2.9", "x-forwarded-for": "198.51.100.7" });
    expect(clientIpOf(both, 0)).toBe("192.0.2.9");
    expect(clientIpOf(headers({ "x-forwarded-for": "198.51.100.7" }), 0)).toBe("198.51.100.7");
    expect(clientIpOf(headers({}), 0)).toBe("unknown");
  });
});

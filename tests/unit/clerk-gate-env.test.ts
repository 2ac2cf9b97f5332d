import { describe, expect, it } from "vitest";
import { parseClerkGateEnv } from "@/lib/config/clerk-gate-env";
import { InvalidEnvironmentError } from "@/lib/config/env-schema";

const keys = {
  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "pk_test_Y2xlcmsuc3RhcnRlci50ZXN0JA==",
  CLERK_SECRET_KEY: "sk_test_abc123",
};
const PEM_ONE_LINE = "-----BEGIN PUBLIC KEY-----\\nMIIBIjANBgkq\\n-----END PUBLIC KEY-----";

describe("the middleware's Clerk configuration", () => {
  it("is off (keyless demo mode) without the Clerk keys, even without a DATABASE_URL", () => {
    expect(parseClerkGateEnv({})).toBeNull();
  });

  it("accepts the app's own origin by default", () => {
    expect(parseClerkGateEnv(keys)).toEqual({
      jwtKey: undefined,
      authorizedParties: ["http://localhost:3000"],
    });
    expect(parseClerkGateEnv({ ...keys, APP_URL: "https://app.example.com/" })?.authorizedParties).toEqual([
      "https://app.example.com",
    ]);
  });

  it("takes the authorized parties list over APP_URL", () => {
    const config = parseClerkGateEnv({
      ...keys,
      APP_URL: "https://app.example.com",
      CLERK_AUTHORIZED_PARTIES: "https://a.example.com, http://localhost:3000",
    });
    expect(config?.authorizedParties).toEqual(["https://a.example.com", "http://localhost:3000"]);
  });

  it("turns the one-line PEM of a .env file into the real line breaks Clerk needs", () => {
    expect(parseClerkGateEnv({ ...keys, CLERK_JWT_KEY: PEM_ONE_LINE })?.jwtKey).toBe(
      "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkq\n-----END PUBLIC KEY-----",
    );
  });

  it("names a malformed JWT key instead of starting with verification silently broken", () => {
    expect(() => parseClerkGateEnv({ ...keys, CLERK_JWT_KEY: "not a key" })).toThrow(InvalidEnvironmentError);
    expect(() => parseClerkGateEnv({ ...keys, CLERK_JWT_KEY: "not a key" })).toThrow(/CLERK_JWT_KEY/);
  });
});

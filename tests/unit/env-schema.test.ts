import { describe, expect, it } from "vitest";
import { InvalidEnvironmentError, parseServerEnv } from "@/lib/config/env-schema";

const DATABASE_URL = "postgresql://app:secret@localhost:5432/app";
const PEM =
  "-----BEGIN PUBLIC KEY-----\\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\\n-----END PUBLIC KEY-----";

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseServerEnv(source);
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) return error.problems;
    throw error;
  }
  throw new Error("expected the environment to be rejected");
}

describe("server environment", () => {
  it("accepts a database URL alone: the keyless demo mode with Clerk switched off", () => {
    const env = parseServerEnv({ DATABASE_URL });
    expect(env.clerk).toBeNull();
    expect(env.databaseUrl).toBe(DATABASE_URL);
    expect(env.authorizedParties).toEqual(["http://localhost:3000"]);
  });

  it("names a missing DATABASE_URL and says what it should look like", () => {
    expect(problemsOf({})).toEqual([expect.stringMatching(/^DATABASE_URL .*postgresql:\/\/user:password@/)]);
  });

  it("rejects a database URL of another kind of database", () => {
    expect(problemsOf({ DATABASE_URL: "mysql://root@localhost/app" })).toEqual([
      expect.stringContaining("DATABASE_URL must be a PostgreSQL URL"),
    ]);
  });

  it("names each malformed Clerk value with the shape it expects", () => {
    const problems = problemsOf({
      DATABASE_URL,
      NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "pk_nope",
      CLERK_SECRET_KEY: "secret",
      CLERK_WEBHOOK_SIGNING_SECRET: "svix-secret",
      CLERK_JWT_KEY: "not a pem",
    });
    expect(problems).toEqual([
      expect.stringMatching(/^NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY must look like pk_test_/),
      expect.stringMatching(/^CLERK_SECRET_KEY must look like sk_test_/),
      expect.stringMatching(/^CLERK_JWT_KEY must be .* PEM form/),
      expect.stringMatching(/^CLERK_WEBHOOK_SIGNING_SECRET must look like whsec_/),
    ]);
  });

  it("refuses a publishable key without its secret key", () => {
    expect(
      problemsOf({ DATABASE_URL, NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "pk_test_Y2xlcmsuZXhhbXBsZS5jb20k" }),
    ).toEqual([expect.stringContaining("must be set together")]);
  });

  it("treats empty values as unset, as copied from .env.example", () => {
    const env = parseServerEnv({
      DATABASE_URL,
      NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "",
      CLERK_SECRET_KEY: "",
      CLERK_JWT_KEY: "",
    });
    expect(env.clerk).toBeNull();
  });

  it("turns the escaped line breaks of a one-line PEM into real ones for Clerk", () => {
    const env = parseServerEnv({
      DATABASE_URL,
      NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "pk_test_Y2xlcmsuZXhhbXBsZS5jb20k",
      CLERK_SECRET_KEY: "sk_test_abc123",
      CLERK_JWT_KEY: PEM,
    });
    expect(env.clerk?.jwtKey).toBe(PEM.replaceAll("\\n", "\n"));
  });

  it("reduces authorized parties to origins", () => {
    const env = parseServerEnv({
      DATABASE_URL,
      CLERK_AUTHORIZED_PARTIES: "https://app.example.com/, http://localhost:3000",
    });
    expect(env.authorizedParties).toEqual(["https://app.example.com", "http://localhost:3000"]);
  });
});

describe("server environment during next build", () => {
  it("does not require DATABASE_URL, which only the running server needs", () => {
    expect(() => parseServerEnv({}, { forBuild: true })).not.toThrow();
  });

  it("still rejects malformed values", () => {
    expect(() => parseServerEnv({ CLERK_SECRET_KEY: "nope" }, { forBuild: true })).toThrow(
      InvalidEnvironmentError,
    );
  });
});

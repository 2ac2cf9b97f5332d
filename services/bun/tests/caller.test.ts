import { describe, expect, it } from "bun:test";
import { createServer } from "node:net";
import { authenticator } from "../src/caller";
import type { ApiError } from "../src/errors";

/** A port that was free a moment ago, so nothing answers there. */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

describe("verifying an organization API key", () => {
  it("answers 503 unavailable, not 401, when Clerk's Backend API cannot be reached", async () => {
    const authenticate = authenticator({
      jwtKey: "unused for API keys",
      authorizedParties: ["http://localhost:3000"],
      databaseUrl: "unused",
      secretKey: "sk_test_unreachable",
      publishableKey: `pk_test_${btoa("clerk.example.com$")}`,
      apiUrl: await deadUrl(),
      port: 0,
    });
    const request = new Request("http://localhost/api/v1/projects", {
      headers: { Authorization: "Bearer ak_0123456789abcdef" },
    });
    const refusal = (await authenticate(request).catch((error) => error)) as ApiError;
    expect([refusal.status, refusal.code, refusal.retryAfterSeconds]).toEqual([503, "unavailable", 5]);
  });
});

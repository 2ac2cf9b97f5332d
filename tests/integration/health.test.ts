import { describe, expect, it, vi } from "vitest";
import { findFreePort } from "@/scripts/lib/embedded-postgres";

async function loadHealthRoute() {
  vi.resetModules();
  return import("@/app/api/health/route");
}

describe("GET /api/health", () => {
  it("answers 200 when the database is reachable", async () => {
    const { GET } = await loadHealthRoute();
    const response = await GET(new Request("http://localhost:3000/api/health"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "reachable" });
  });

  it("answers 503 without details when the database is unreachable", async () => {
    const reachableUrl = process.env.DATABASE_URL;
    // A port nothing listens on: the connection is refused at once.
    process.env.DATABASE_URL = `postgresql://app:secret-password@127.0.0.1:${await findFreePort()}/app`;
    try {
      const { GET } = await loadHealthRoute();
      const response = await GET(new Request("http://localhost:3000/api/health"));
      expect(response.status).toBe(503);
      const body = await response.text();
      expect(JSON.parse(body)).toEqual({ status: "degraded", database: "unreachable" });
      expect(body).not.toContain("secret-password");
    } finally {
      process.env.DATABASE_URL = reachableUrl;
    }
  });
});

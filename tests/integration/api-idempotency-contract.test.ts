/**
 * The two ends of `Idempotency-Key` that clients rely on: the OpenAPI document declares it on every
 * POST, and the typed client (which sends one on every POST) can repeat a POST whose first answer
 * was lost without creating twice — through the real route handlers and real PostgreSQL.
 */
import "../support/app-clerk-env";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { createApiClient } from "@/lib/api-client";
import { seedDemoData } from "@/prisma/seed";
import { db } from "@/server/db";
import { fetchApi } from "../support/api-routes";
import { TEST_APP_ORIGIN } from "../support/clerk-auth";
import { withOwnerClient } from "../support/owner-db";
import { callers, tokenFor } from "../support/tenant-callers";

beforeEach(async () => {
  await seedDemoData(db);
  await withOwnerClient((client) => client.query("TRUNCATE projects, tasks, audit_events, idempotency_keys"));
});

describe("the OpenAPI document", () => {
  it("declares Idempotency-Key, its 400, 409 and 422, and Idempotent-Replayed on every POST", async () => {
    const { paths } = await getOpenApi().json();
    const posts = Object.values(paths as Record<string, { post?: Record<string, never> }>).flatMap((item) =>
      item.post ? [item.post] : [],
    );
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) {
      const { operationId, parameters, responses } = post as {
        operationId: string;
        parameters: Array<{ name: string; in: string; schema: Record<string, unknown> }>;
        responses: Record<string, { description: string; headers?: Record<string, unknown> }>;
      };
      expect(parameters, operationId).toContainEqual(
        expect.objectContaining({
          name: "Idempotency-Key",
          in: "header",
          schema: expect.objectContaining({ minLength: 1, maxLength: 255 }),
        }),
      );
      for (const status of ["400", "409", "422"]) {
        expect(responses[status]?.description, `${operationId} ${status}`).toMatch(/Idempotency-Key/);
      }
      expect(Object.keys(responses["201"]?.headers ?? {}), operationId).toContain("Idempotent-Replayed");
    }
  });
});

describe("the typed client", () => {
  it("repeats a POST whose answer was lost on the way back, and the API creates once", async () => {
    let lostAnswers = 0;
    // A proxy that gives up after the app has written: the client sees 503 and sends the POST again.
    const flakyProxy = async (request: Request) => {
      const answer = await fetchApi(request);
      if (request.method !== "POST" || lostAnswers > 0) return answer;
      lostAnswers++;
      return Response.json(
        { error: { code: "unavailable", message: "Upstream timed out" } },
        { status: 503 },
      );
    };
    const api = createApiClient({
      baseUrl: TEST_APP_ORIGIN,
      getToken: () => tokenFor(callers.aliceAdminOfAcme),
      fetch: flakyProxy,
      retryDelayMs: 1,
    });
    const project = await api.projects.create({ name: "Created once" });
    const task = await api.tasks.create(project.id, { title: "Added once" });
    expect(lostAnswers).toBe(1);
    const counts = await withOwnerClient(
      async (client) =>
        (
          await client.query(
            "SELECT (SELECT count(*) FROM projects) AS projects, (SELECT count(*) FROM tasks) AS tasks",
          )
        ).rows[0],
    );
    expect(counts).toEqual({ projects: "1", tasks: "1" });
    expect(task.projectId).toBe(project.id);
  });
});

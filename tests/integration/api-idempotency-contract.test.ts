/**
 * What clients rely on about `Idempotency-Key`: the key's format, the OpenAPI document declaring it on
 * every POST, and the typed client (which sends one on every POST) repeating a POST whose first answer
 * was lost without creating twice — through the real route handlers and real PostgreSQL.
 */
import "../support/app-clerk-env";
import type pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { createApiClient } from "@/lib/api-client";
import { apiErrorSchema } from "@/lib/validation/api-error";
import { seedDemoData } from "@/prisma/seed";
import { db } from "@/server/db";
import { apiCall, fetchApi } from "../support/api-routes";
import { TEST_APP_ORIGIN } from "../support/clerk-auth";
import { tenantSnapshot, withOwnerClient } from "../support/owner-db";
import { authorizationFor, callers, tokenFor } from "../support/tenant-callers";

beforeEach(async () => {
  await seedDemoData(db);
  await withOwnerClient((client) => client.query("TRUNCATE projects, tasks, audit_events, idempotency_keys"));
});

interface PostOperation {
  operationId: string;
  parameters: Array<{ name: string; in: string; schema: Record<string, unknown> }>;
  responses: Record<string, { description: string; headers?: Record<string, unknown> }>;
}

const post = (body: unknown, key: string) =>
  apiCall("POST", "/projects", {
    headers: { ...authorizationFor(callers.aliceAdminOfAcme), "Idempotency-Key": key },
    body,
  });

describe("key format", () => {
  it.each([
    ["empty", ""],
    ["longer than 255 characters", "k".repeat(256)],
    ["not printable ASCII", "clé"],
  ])("answers 400 for a key that is %s, and writes nothing", async (_what, key) => {
    const before = await tenantSnapshot();
    const response = await post({ name: "Bad key" }, key);
    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(await response.json()).error.code).toBe("invalid_idempotency_key");
    expect(await tenantSnapshot()).toEqual(before);
  });

  it("accepts a key of 255 printable characters", async () => {
    const key = "~ !".repeat(85);
    expect((await post({ name: "Long key" }, key)).status).toBe(201);
    expect((await post({ name: "Long key" }, key)).headers.get("idempotent-replayed")).toBe("true");
  });
});

describe("the OpenAPI document", () => {
  it("declares Idempotency-Key, its 400, 409 and 422, and Idempotent-Replayed on every POST", async () => {
    const { paths } = (await (
      await getOpenApi(new Request(`${TEST_APP_ORIGIN}/api/v1/openapi.json`))
    ).json()) as {
      paths: Record<string, { post?: PostOperation }>;
    };
    const posts = Object.values(paths).flatMap((item) => (item.post ? [item.post] : []));
    expect(posts.length).toBeGreaterThan(0);
    for (const { operationId, parameters, responses } of posts) {
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

  it("waits out its own earlier attempt that is still running (409) and gets that attempt's answer", async () => {
    await withOwnerClient(async (owner) => {
      await owner.query("BEGIN");
      // Until this commits no project can be inserted: the first attempt stalls inside its transaction.
      await owner.query("LOCK TABLE projects IN SHARE MODE");
      let firstAttempt: Promise<Response> | undefined;
      const answers: number[] = [];
      const proxy = async (request: Request) => {
        if (!firstAttempt) {
          firstAttempt = fetchApi(request);
          await until(() => insertWaiting(owner));
          // The proxy gives up on the stalled app; the client sends the POST again.
          return Response.json(
            { error: { code: "unavailable", message: "Upstream timed out" } },
            { status: 503 },
          );
        }
        const answer = await fetchApi(request);
        answers.push(answer.status);
        if (answer.status === 409) await owner.query("COMMIT");
        return answer;
      };
      const api = createApiClient({
        baseUrl: TEST_APP_ORIGIN,
        getToken: () => tokenFor(callers.aliceAdminOfAcme),
        fetch: proxy,
        retryDelayMs: 1,
      });
      const project = await api.projects.create({ name: "Stalled" });
      expect(answers[0]).toBe(409);
      expect(answers.at(-1)).toBe(201);
      const first = await firstAttempt;
      expect(first?.status).toBe(201);
      expect(await first?.json()).toEqual(project);
    });
  });
});

async function insertWaiting(owner: pg.Client): Promise<boolean> {
  const { rows } = await owner.query(
    "SELECT count(*)::int AS waiting FROM pg_locks WHERE NOT granted AND relation = 'projects'::regclass",
  );
  return rows[0].waiting > 0;
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 250; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the condition never held");
}

/**
 * `Idempotency-Key` on POST, through the REST API's real route handlers, real PostgreSQL (as the
 * RLS-bound app role) and Clerk's own token verification: a retried POST writes once and gets the
 * first answer; a key is refused for another request, kept apart per organization, forgotten after a
 * day, and never lets two concurrent requests both write.
 */
import "../support/app-clerk-env";
import { beforeEach, describe, expect, it } from "vitest";
import { apiErrorSchema } from "@/lib/validation/api-error";
import { projectSchema } from "@/lib/validation/projects";
import { seedDemoData } from "@/prisma/seed";
import { idempotent } from "@/server/api/idempotency";
import { createProject } from "@/server/data/projects";
import { inTenant } from "@/server/data/tenant";
import { db } from "@/server/db";
import { apiCall } from "../support/api-routes";
import { TEST_APP_ORIGIN } from "../support/clerk-auth";
import { organizationIdOf, tenantSnapshot, withOwnerClient } from "../support/owner-db";
import { ACME, actAs, authorizationFor, callers } from "../support/tenant-callers";

const asAlice = authorizationFor(callers.aliceAdminOfAcme);
const asBob = authorizationFor(callers.bobMemberOfAcme);
const asCarol = authorizationFor(callers.carolAdminOfGlobex);

beforeEach(async () => {
  await seedDemoData(db);
  await withOwnerClient((client) => client.query("TRUNCATE projects, tasks, audit_events, idempotency_keys"));
});

const post = (path: string, body: unknown, headers: Record<string, string>, key?: string) =>
  apiCall("POST", path, {
    headers: { ...headers, ...(key === undefined ? {} : { "Idempotency-Key": key }) },
    body,
  });

async function newProject(name = "Launch"): Promise<string> {
  const response = await post("/projects", { name }, asAlice);
  expect(response.status).toBe(201);
  return projectSchema.parse(await response.json()).id;
}

const count = (sql: string, ...values: unknown[]) =>
  withOwnerClient(async (client) => Number((await client.query(sql, values)).rows[0].count));
const tasksOf = (projectId: string) => count("SELECT count(*) FROM tasks WHERE project_id = $1", projectId);
const projectsNamed = (name: string) => count("SELECT count(*) FROM projects WHERE name = $1", name);

async function errorOf(response: Response) {
  return apiErrorSchema.parse(await response.json()).error;
}

describe("a retried POST with the same key", () => {
  it("gets the first answer — status, body, Location — marked as replayed, and writes once", async () => {
    const first = await post("/projects", { name: "Retried" }, asAlice, "create-retried");
    const retry = await post("/projects", { name: "Retried" }, asAlice, "create-retried");
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.headers.get("location")).toBe(first.headers.get("location"));
    expect(retry.headers.get("content-type")).toBe(first.headers.get("content-type"));
    expect(await retry.json()).toEqual(await first.json());
    expect(await projectsNamed("Retried")).toBe(1);
    expect(await count("SELECT count(*) FROM audit_events WHERE action = 'project.created'")).toBe(1);
  });

  it("adds one task however often it is sent", async () => {
    const projectId = await newProject();
    const answers = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      answers.push(await post(`/projects/${projectId}/tasks`, { title: "Once" }, asAlice, "task-once"));
    }
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((answer) => answer.headers.get("location"))).size).toBe(1);
    expect(await tasksOf(projectId)).toBe(1);
  });

  it("writes twice without a key, as before: the key is what makes a retry safe", async () => {
    const projectId = await newProject();
    await post(`/projects/${projectId}/tasks`, { title: "Twice" }, asAlice);
    await post(`/projects/${projectId}/tasks`, { title: "Twice" }, asAlice);
    expect(await tasksOf(projectId)).toBe(2);
  });
});

describe("a key used for another request", () => {
  it("is refused with 422 for a different body, and nothing is written", async () => {
    const projectId = await newProject();
    await post(`/projects/${projectId}/tasks`, { title: "First" }, asAlice, "reused");
    const before = await tenantSnapshot();
    const response = await post(`/projects/${projectId}/tasks`, { title: "Second" }, asAlice, "reused");
    expect(response.status).toBe(422);
    expect((await errorOf(response)).code).toBe("idempotency_key_reused");
    expect(await tenantSnapshot()).toEqual(before);
  });

  it("is refused with 422 on another path, and from another member of the organization", async () => {
    const projectId = await newProject();
    await post(`/projects/${projectId}/tasks`, { title: "Same" }, asAlice, "mine");
    const otherPath = await post("/projects", { title: "Same" }, asAlice, "mine");
    const otherMember = await post(`/projects/${projectId}/tasks`, { title: "Same" }, asBob, "mine");
    expect([otherPath.status, otherMember.status]).toEqual([422, 422]);
    expect(await tasksOf(projectId)).toBe(1);
  });
});

describe("keys per organization", () => {
  it("keeps the same key of two organizations apart: each writes its own", async () => {
    const acme = await post("/projects", { name: "Shared key" }, asAlice, "same-key");
    const globex = await post("/projects", { name: "Shared key" }, asCarol, "same-key");
    expect([acme.status, globex.status]).toEqual([201, 201]);
    expect(globex.headers.get("idempotent-replayed")).toBeNull();
    expect(globex.headers.get("location")).not.toBe(acme.headers.get("location"));
    expect(await projectsNamed("Shared key")).toBe(2);
  });

  it("hides another organization's keys from the app's role, even from a query without a filter", async () => {
    await post("/projects", { name: "Acme's" }, asAlice, "acme-key");
    await post("/projects", { name: "Globex's" }, asCarol, "globex-key");
    const seen = await actAs(callers.aliceAdminOfAcme, () =>
      inTenant(
        "projects:read",
        (tx) => tx.$queryRaw<Array<{ key: string }>>`SELECT key FROM idempotency_keys`,
      ),
    );
    expect(seen.map((row) => row.key)).toEqual(["acme-key"]);
  });
});

describe("expiry", () => {
  const backdate = (key: string) =>
    withOwnerClient((client) =>
      client.query(
        "UPDATE idempotency_keys SET created_at = now() - interval '24 hours 1 second' WHERE key = $1",
        [key],
      ),
    );

  it("treats a key older than a day as new: the POST runs again and its answer replaces the old one", async () => {
    const projectId = await newProject();
    await post(`/projects/${projectId}/tasks`, { title: "Daily" }, asAlice, "daily");
    await backdate("daily");
    const again = await post(`/projects/${projectId}/tasks`, { title: "Daily" }, asAlice, "daily");
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBeNull();
    expect(await tasksOf(projectId)).toBe(2);
    const replay = await post(`/projects/${projectId}/tasks`, { title: "Daily" }, asAlice, "daily");
    expect(replay.headers.get("location")).toBe(again.headers.get("location"));
    expect(await count("SELECT count(*) FROM idempotency_keys WHERE key = 'daily'")).toBe(1);
  });

  it("sweeps the organization's expired keys when it stores a new one, and only that organization's", async () => {
    await post("/projects", { name: "Old Acme" }, asAlice, "old-acme");
    await post("/projects", { name: "Old Globex" }, asCarol, "old-globex");
    await backdate("old-acme");
    await backdate("old-globex");
    await post("/projects", { name: "New Acme" }, asAlice, "new-acme");
    const keys = await withOwnerClient(
      async (client) => (await client.query("SELECT key FROM idempotency_keys ORDER BY key")).rows,
    );
    expect(keys.map((row) => row.key)).toEqual(["new-acme", "old-globex"]);
  });
});

describe("concurrency", () => {
  it("writes once when the same key arrives concurrently: the others get the answer or 409", async () => {
    const projectId = await newProject();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        post(`/projects/${projectId}/tasks`, { title: "Racing" }, asAlice, "racing"),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    const fresh = answers.filter((a) => a.status === 201 && !a.headers.get("idempotent-replayed"));
    expect(fresh).toHaveLength(1);
    expect(await tasksOf(projectId)).toBe(1);
  });

  it("answers 409 idempotency_in_progress with Retry-After while the first request holds the key", async () => {
    const projectId = await newProject();
    const organizationId = await organizationIdOf(ACME.orgId);
    await withOwnerClient(async (client) => {
      await client.query("BEGIN");
      // Held exactly as a first request holds it until its transaction ends.
      await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [
        `idempotency:${organizationId}:in-flight`,
      ]);
      const second = await post(`/projects/${projectId}/tasks`, { title: "Wait" }, asAlice, "in-flight");
      expect(second.status).toBe(409);
      expect(second.headers.get("retry-after")).toBe("1");
      expect((await errorOf(second)).code).toBe("idempotency_in_progress");
      await client.query("COMMIT");
    });
    expect(await tasksOf(projectId)).toBe(0);
    const retry = await post(`/projects/${projectId}/tasks`, { title: "Wait" }, asAlice, "in-flight");
    expect(retry.status).toBe(201);
  });
});

describe("what is kept", () => {
  it("keeps no refusal: after a 409 or 422, a retry with the same key runs again", async () => {
    await newProject("Taken");
    const taken = await post("/projects", { name: "Taken" }, asAlice, "after-refusal");
    expect(taken.status).toBe(409);
    const invalid = await post("/projects", { name: "" }, asAlice, "after-invalid");
    expect(invalid.status).toBe(422);
    await withOwnerClient((client) => client.query("DELETE FROM projects WHERE name = 'Taken'"));
    expect((await post("/projects", { name: "Taken" }, asAlice, "after-refusal")).status).toBe(201);
    expect((await post("/projects", { name: "Fixed" }, asAlice, "after-invalid")).status).toBe(201);
  });

  it("rolls back what a handler wrote when it returns a refusal instead of throwing one", async () => {
    const request = new Request(`${TEST_APP_ORIGIN}/api/v1/projects`, {
      method: "POST",
      headers: { "Idempotency-Key": "returned-refusal" },
    });
    const response = await actAs(callers.aliceAdminOfAcme, () =>
      idempotent(request, async () => {
        await createProject({ name: "Refused after writing" });
        return Response.json({ error: { code: "conflict", message: "No" } }, { status: 409 });
      }),
    );
    expect(response.status).toBe(409);
    expect(await projectsNamed("Refused after writing")).toBe(0);
    expect(await count("SELECT count(*) FROM idempotency_keys")).toBe(0);
  });

  it("writes nothing when the answer cannot be stored: the work and its key commit together", async () => {
    await withOwnerClient((client) =>
      client.query(`
        CREATE FUNCTION refuse_key() RETURNS trigger LANGUAGE plpgsql AS
          $$ BEGIN RAISE EXCEPTION 'no keys today'; END $$;
        CREATE TRIGGER refuse_key BEFORE INSERT ON idempotency_keys FOR EACH ROW EXECUTE FUNCTION refuse_key();`),
    );
    try {
      const response = await post("/projects", { name: "Unkept" }, asAlice, "unkept");
      expect(response.status).toBe(500);
      expect(await projectsNamed("Unkept")).toBe(0);
    } finally {
      await withOwnerClient((client) =>
        client.query("DROP TRIGGER refuse_key ON idempotency_keys; DROP FUNCTION refuse_key()"),
      );
    }
  });
});

/**
 * The REST API's contract, through its real route handlers, real PostgreSQL and Clerk's own token
 * verification: status codes, the one error shape, cursor pages, body limits, the OpenAPI document,
 * and the typed client round-tripping through all of it.
 */
import "../support/app-clerk-env";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { ApiRequestError, createApiClient } from "@/lib/api-client";
import { apiErrorSchema } from "@/lib/validation/api-error";
import { pageSchema } from "@/lib/validation/pagination";
import { projectSchema } from "@/lib/validation/projects";
import { taskSchema } from "@/lib/validation/tasks";
import { seedDemoData } from "@/prisma/seed";
import { db } from "@/server/db";
import { apiCall, fetchApi } from "../support/api-routes";
import { clerkKeys } from "../support/app-clerk-env";
import { TEST_APP_ORIGIN } from "../support/clerk-auth";
import { createClerkTestKeys, mintSessionToken } from "../support/clerk-tokens";
import { tenantSnapshot, withOwnerClient } from "../support/owner-db";
import { authorizationFor, callers, tokenFor } from "../support/tenant-callers";

const asAlice = authorizationFor(callers.aliceAdminOfAcme);
const asBob = authorizationFor(callers.bobMemberOfAcme);

beforeEach(async () => {
  await seedDemoData(db);
  await withOwnerClient((client) => client.query("TRUNCATE projects, tasks, audit_events"));
});

async function createViaApi(name: string, headers = asAlice) {
  const response = await apiCall("POST", "/projects", { headers, body: { name } });
  expect(response.status).toBe(201);
  return projectSchema.parse(await response.json());
}

async function errorOf(response: Response) {
  return apiErrorSchema.parse(await response.json()).error;
}

describe("projects", () => {
  it("creates with 201, a Location of the new project and a body in the documented shape", async () => {
    const response = await apiCall("POST", "/projects", { headers: asBob, body: { name: "API project" } });
    expect(response.status).toBe(201);
    const project = projectSchema.parse(await response.json());
    expect(response.headers.get("location")).toBe(`/api/v1/projects/${project.id}`);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(project).toMatchObject({
      name: "API project",
      status: "active",
      createdBy: { userId: "user_demo_bob" },
    });
  });

  it("pages through every project with cursors, each exactly once", async () => {
    const created = [];
    for (let index = 0; index < 5; index++) created.push((await createViaApi(`P${index}`)).id);
    const seen: string[] = [];
    let path = "/projects?limit=2";
    for (;;) {
      const response = await apiCall("GET", path, { headers: asBob });
      expect(response.status).toBe(200);
      const page = pageSchema(projectSchema).parse(await response.json());
      seen.push(...page.data.map((project) => project.id));
      if (!page.nextCursor) break;
      path = `/projects?limit=2&cursor=${page.nextCursor}`;
    }
    expect(seen).toEqual([...created].reverse());
  });

  it("answers 400 with the offending parameter for a bad limit or cursor", async () => {
    for (const [query, field] of [
      ["limit=0", "limit"],
      ["limit=101", "limit"],
      ["limit=ten", "limit"],
      ["cursor=not-a-cursor", "cursor"],
    ] as const) {
      const response = await apiCall("GET", `/projects?${query}`, { headers: asAlice });
      expect(response.status, query).toBe(400);
      const error = await errorOf(response);
      expect(error.code).toBe("invalid_query");
      expect(Object.keys(error.fields ?? {}), query).toEqual([field]);
    }
  });

  it("answers 422 with per-field messages for a body that breaks the schema, and writes nothing", async () => {
    const before = await tenantSnapshot();
    const response = await apiCall("POST", "/projects", {
      headers: asAlice,
      body: { name: "", status: "archived", description: 42 },
    });
    expect(response.status).toBe(422);
    const error = await errorOf(response);
    expect(error.code).toBe("validation_failed");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["description", "name", "status"]);
    expect(await tenantSnapshot()).toEqual(before);
  });

  it("answers 422 for a field the API does not know, instead of silently dropping it", async () => {
    const response = await apiCall("POST", "/projects", {
      headers: asAlice,
      body: { name: "Typo", stauts: "active" },
    });
    expect(response.status).toBe(422);
    expect((await errorOf(response)).message).toMatch(/stauts/);
  });

  it("answers 422 for an update that changes no field", async () => {
    const project = await createViaApi("Unchanged");
    const response = await apiCall("PATCH", `/projects/${project.id}`, { headers: asAlice, body: {} });
    expect(response.status).toBe(422);
    expect((await errorOf(response)).message).toMatch(/at least one/);
  });

  it("answers 409 with the name field for a duplicate project name", async () => {
    await createViaApi("Twice");
    const response = await apiCall("POST", "/projects", { headers: asBob, body: { name: "Twice" } });
    expect(response.status).toBe(409);
    expect(await errorOf(response)).toMatchObject({
      code: "conflict",
      fields: { name: [expect.stringMatching(/Twice/)] },
    });
  });

  it("answers 400 for a body that is not JSON, and 415 for one not sent as JSON", async () => {
    const broken = await fetchApi(`${TEST_APP_ORIGIN}/api/v1/projects`, {
      method: "POST",
      headers: { ...asAlice, "content-type": "application/json" },
      body: '{"name": "unterminated',
    });
    expect([broken.status, (await errorOf(broken)).code]).toEqual([400, "invalid_json"]);
    const form = await fetchApi(`${TEST_APP_ORIGIN}/api/v1/projects`, {
      method: "POST",
      headers: { ...asAlice, "content-type": "application/x-www-form-urlencoded" },
      body: "name=Form",
    });
    expect([form.status, (await errorOf(form)).code]).toEqual([415, "unsupported_media_type"]);
  });

  it("answers 413 for a body over 64 KB, declared or streamed without a length, and writes nothing", async () => {
    const before = await tenantSnapshot();
    const huge = JSON.stringify({ name: "Big", description: "x".repeat(70 * 1024) });
    const declared = await fetchApi(`${TEST_APP_ORIGIN}/api/v1/projects`, {
      method: "POST",
      headers: { ...asAlice, "content-type": "application/json" },
      body: huge,
    });
    expect(declared.status).toBe(413);
    const streamed = await fetchApi(`${TEST_APP_ORIGIN}/api/v1/projects`, {
      method: "POST",
      headers: { ...asAlice, "content-type": "application/json" },
      body: new Blob([huge]).stream(),
      duplex: "half",
    } as RequestInit);
    expect([streamed.status, (await errorOf(streamed)).code]).toEqual([413, "payload_too_large"]);
    expect(await tenantSnapshot()).toEqual(before);
  });

  it("deletes with 204 and an empty body; the project is then 404", async () => {
    const project = await createViaApi("Short-lived");
    const response = await apiCall("DELETE", `/projects/${project.id}`, { headers: asAlice });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    expect((await apiCall("GET", `/projects/${project.id}`, { headers: asAlice })).status).toBe(404);
  });
});

describe("tasks", () => {
  it("adds, completes and deletes a task of a project", async () => {
    const project = await createViaApi("With tasks");
    const created = await apiCall("POST", `/projects/${project.id}/tasks`, {
      headers: asBob,
      body: { title: "First", assigneeId: "user_demo_alice" },
    });
    expect(created.status).toBe(201);
    const task = taskSchema.parse(await created.json());
    expect(created.headers.get("location")).toBe(`/api/v1/projects/${project.id}/tasks/${task.id}`);
    const done = await apiCall("PATCH", `/projects/${project.id}/tasks/${task.id}`, {
      headers: asBob,
      body: { done: true },
    });
    expect(taskSchema.parse(await done.json())).toMatchObject({
      done: true,
      assignee: { userId: "user_demo_alice" },
    });
    const list = await apiCall("GET", `/projects/${project.id}/tasks`, { headers: asBob });
    expect(
      pageSchema(taskSchema)
        .parse(await list.json())
        .data.map((t) => t.id),
    ).toEqual([task.id]);
    expect(
      (await apiCall("DELETE", `/projects/${project.id}/tasks/${task.id}`, { headers: asBob })).status,
    ).toBe(204);
  });

  it("answers 422 on assigneeId for someone who is not a member of the organization", async () => {
    const project = await createViaApi("Closed shop");
    const response = await apiCall("POST", `/projects/${project.id}/tasks`, {
      headers: asBob,
      body: { title: "Outsourced", assigneeId: "user_demo_carol" },
    });
    expect(response.status).toBe(422);
    expect((await errorOf(response)).fields).toEqual({
      assigneeId: ["Must be a member of this organization"],
    });
  });
});

describe("authentication", () => {
  it("answers 401 with a Bearer challenge when there is no token", async () => {
    const response = await apiCall("GET", "/projects");
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await errorOf(response)).toMatchObject({ code: "unauthenticated" });
  });

  it("answers 401 for an expired token, one signed by another key, and one issued for another origin", async () => {
    const identity = callers.aliceAdminOfAcme;
    const stranger = createClerkTestKeys();
    const tokens = {
      expired: mintSessionToken(clerkKeys.jwtPrivateKey, {
        ...identity,
        authorizedParty: TEST_APP_ORIGIN,
        expiresIn: -60,
      }),
      foreignKey: mintSessionToken(stranger.jwtPrivateKey, { ...identity, authorizedParty: TEST_APP_ORIGIN }),
      otherOrigin: mintSessionToken(clerkKeys.jwtPrivateKey, {
        ...identity,
        authorizedParty: "https://evil.example",
      }),
    };
    for (const [name, token] of Object.entries(tokens)) {
      const response = await apiCall("GET", "/projects", { headers: { authorization: `Bearer ${token}` } });
      expect(response.status, name).toBe(401);
    }
  });

  it("ignores a session cookie: the API is for Bearer tokens only", async () => {
    const response = await apiCall("GET", "/projects", {
      headers: { cookie: `__session=${tokenFor(callers.aliceAdminOfAcme)}` },
    });
    expect(response.status).toBe(401);
  });

  it("answers 403 when the session has no active organization, and when a member deletes", async () => {
    const noOrg = await apiCall("GET", "/projects", {
      headers: authorizationFor(callers.aliceWithoutOrganization),
    });
    expect([noOrg.status, (await errorOf(noOrg)).code]).toEqual([403, "no_active_organization"]);
    const project = await createViaApi("Admins only");
    const memberDelete = await apiCall("DELETE", `/projects/${project.id}`, { headers: asBob });
    expect([memberDelete.status, (await errorOf(memberDelete)).code]).toEqual([403, "forbidden"]);
  });
});

describe("the OpenAPI document", () => {
  it("documents every route and method the API serves, and every $ref resolves", async () => {
    const response = await getOpenApi(new Request(`${TEST_APP_ORIGIN}/api/v1/openapi.json`));
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(document.openapi).toBe("3.1.0");
    const routes = {
      "/projects": await import("@/app/api/v1/projects/route"),
      "/projects/{projectId}": await import("@/app/api/v1/projects/[projectId]/route"),
      "/projects/{projectId}/tasks": await import("@/app/api/v1/projects/[projectId]/tasks/route"),
      "/projects/{projectId}/tasks/{taskId}": await import(
        "@/app/api/v1/projects/[projectId]/tasks/[taskId]/route"
      ),
    };
    const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"];
    expect(Object.keys(document.paths).sort()).toEqual(Object.keys(routes).sort());
    for (const [path, module] of Object.entries(routes)) {
      const served = METHODS.filter((method) => method in module);
      const documented = Object.keys(document.paths[path]).filter((key) =>
        METHODS.includes(key.toUpperCase()),
      );
      expect(documented.map((method) => method.toUpperCase()).sort(), path).toEqual(served.sort());
    }
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(document.components.schemas, ref).toHaveProperty(ref as string);
  });

  it("describes request bodies as the API validates them: required fields and unknown fields refused", async () => {
    const { components } = await (
      await getOpenApi(new Request(`${TEST_APP_ORIGIN}/api/v1/openapi.json`))
    ).json();
    expect(components.schemas.CreateProject).toMatchObject({
      required: ["name"],
      additionalProperties: false,
      properties: { name: { type: "string", minLength: 1, maxLength: 100 } },
    });
    expect(components.schemas.Error.properties.error.required).toEqual(["code", "message"]);
  });
});

describe("the typed client", () => {
  it("round-trips projects and tasks through the API with the caller's token", async () => {
    const api = createApiClient({
      baseUrl: TEST_APP_ORIGIN,
      getToken: () => tokenFor(callers.aliceAdminOfAcme),
      fetch: fetchApi,
    });
    const project = await api.projects.create({ name: "From the client" });
    const task = await api.tasks.create(project.id, { title: "Typed" });
    await api.tasks.update(project.id, task.id, { done: true });
    expect(await api.projects.get(project.id)).toMatchObject({ taskCount: 1, openTaskCount: 0 });
    expect((await api.projects.list({ q: "client" })).data.map((p) => p.id)).toEqual([project.id]);
    await api.projects.delete(project.id);
    const error = await api.projects.get(project.id).catch((e) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 404, code: "not_found" });
  });

  it("surfaces per-field errors of a 422", async () => {
    const api = createApiClient({
      baseUrl: TEST_APP_ORIGIN,
      getToken: () => tokenFor(callers.bobMemberOfAcme),
      fetch: fetchApi,
    });
    const error = await api.projects.create({ name: "" }).catch((e) => e);
    expect(error).toMatchObject({
      status: 422,
      code: "validation_failed",
      fields: { name: ["Name is required"] },
    });
  });
});

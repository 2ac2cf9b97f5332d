/**
 * The REST API's projects, through their real route handlers, real PostgreSQL and Clerk's own token
 * verification: status codes, the one error shape, cursor pages and body limits.
 */
import "../support/app-clerk-env";
import { beforeEach, describe, expect, it } from "vitest";
import { pageSchema } from "@/lib/validation/pagination";
import { projectSchema } from "@/lib/validation/projects";
import { apiCall, fetchApi } from "../support/api-routes";
import { asAlice, asBob, createViaApi, errorOf, resetDemoTenant } from "../support/api-v1-fixtures";
import { TEST_APP_ORIGIN } from "../support/clerk-auth";
import { tenantSnapshot } from "../support/owner-db";

beforeEach(resetDemoTenant);

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

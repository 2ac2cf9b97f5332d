/**
 * The REST API as its OpenAPI document describes it: every served route and method documented,
 * request bodies described as validated, and the typed client generated from the document
 * round-tripping through the real route handlers.
 */
import "../support/app-clerk-env";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { ApiRequestError, createApiClient } from "@/lib/api-client";
import { fetchApi } from "../support/api-routes";
import { resetDemoTenant } from "../support/api-v1-fixtures";
import { TEST_APP_ORIGIN } from "../support/clerk-auth";
import { callers, tokenFor } from "../support/tenant-callers";

beforeEach(resetDemoTenant);

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

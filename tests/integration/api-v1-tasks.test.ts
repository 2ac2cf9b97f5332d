/**
 * The REST API's tasks of a project, through their real route handlers and real PostgreSQL: the
 * life of a task, and an assignee who must belong to the organization.
 */
import "../support/app-clerk-env";
import { beforeEach, describe, expect, it } from "vitest";
import { pageSchema } from "@/lib/validation/pagination";
import { taskSchema } from "@/lib/validation/tasks";
import { apiCall } from "../support/api-routes";
import { asBob, createViaApi, errorOf, resetDemoTenant } from "../support/api-v1-fixtures";

beforeEach(resetDemoTenant);

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

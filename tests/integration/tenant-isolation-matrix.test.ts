/**
 * The cross-tenant matrix: every data access function, server action and API route, against real
 * PostgreSQL, as callers whose sessions Clerk verified.
 *   - an admin of Acme acting on Globex's ids gets 404, and nothing changes anywhere;
 *   - a signed-out caller gets 401, a caller without an active organization 403;
 *   - a member cannot delete a project (403).
 */
import "../support/app-clerk-env";
import { beforeAll, describe, expect, it } from "vitest";
import {
  addTaskAction,
  assignTaskAction,
  deleteProjectAction,
  deleteTaskAction,
  setTaskDoneAction,
} from "@/app/(app)/orgs/[slug]/projects/[projectId]/actions";
import { updateProjectAction } from "@/app/(app)/orgs/[slug]/projects/[projectId]/edit/actions";
import { createProjectAction } from "@/app/(app)/orgs/[slug]/projects/new/actions";
import { INITIAL_FORM_STATE } from "@/lib/form-state";
import { seedDemoData } from "@/prisma/seed";
import { AuthError } from "@/server/auth/errors";
import { listActivity } from "@/server/data/activity";
import { NotFoundError } from "@/server/data/errors";
import { listMyOrganizations } from "@/server/data/organization";
import { listMembers } from "@/server/data/people";
import {
  createProject,
  deleteProject,
  getProject,
  listProjects,
  updateProject,
} from "@/server/data/projects";
import { createTask, deleteTask, getTask, listTasks, updateTask } from "@/server/data/tasks";
import { db } from "@/server/db";
import { apiCall } from "../support/api-routes";
import { tenantSnapshot } from "../support/owner-db";
import { actAs, authorizationFor, type Caller, callers } from "../support/tenant-callers";

interface Ids {
  projectId: string;
  taskId: string;
}

/** What a caller got, in HTTP terms, whichever way in: 200 for success, else the refusal's status. */
type Attempt = (caller: Caller, ids: Ids) => Promise<number>;

const dal =
  (run: (ids: Ids) => Promise<unknown>): Attempt =>
  (caller, ids) =>
    actAs(caller, () => run(ids)).then(
      () => 200,
      (error: unknown) => {
        if (error instanceof NotFoundError) return 404;
        if (error instanceof AuthError) return error.status;
        throw error;
      },
    );

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

const action =
  (run: (ids: Ids) => Promise<{ status: string; code?: number }>): Attempt =>
  (caller, ids) =>
    actAs(caller, () => run(ids)).then((state) => (state.status === "error" ? (state.code ?? 500) : 200));

const api =
  (method: string, path: (ids: Ids) => string, body?: unknown): Attempt =>
  async (caller, ids) => {
    const response = await apiCall(method, path(ids), { headers: authorizationFor(caller), body });
    if (response.status >= 400) {
      // Every refusal has the API's one error shape.
      expect(await response.json()).toEqual({
        error: { code: expect.any(String), message: expect.any(String) },
      });
    }
    return response.status;
  };

const projectForm = { name: "Taken over", description: "", status: "active" };
const slug = "acme";

/** Everything that names a project or a task by id: the surface a foreign id could be pushed through. */
const BY_ID: Record<string, Attempt> = {
  "getProject (DAL)": dal(({ projectId }) => getProject(projectId)),
  "updateProject (DAL)": dal(({ projectId }) => updateProject(projectId, { name: "Taken over" })),
  "deleteProject (DAL)": dal(({ projectId }) => deleteProject(projectId)),
  "listTasks (DAL)": dal(({ projectId }) => listTasks(projectId)),
  "createTask (DAL)": dal(({ projectId }) => createTask(projectId, { title: "Planted" })),
  "getTask (DAL)": dal(({ projectId, taskId }) => getTask(projectId, taskId)),
  "updateTask (DAL)": dal(({ projectId, taskId }) => updateTask(projectId, taskId, { done: true })),
  "deleteTask (DAL)": dal(({ projectId, taskId }) => deleteTask(projectId, taskId)),
  "updateProjectAction (server action)": action(({ projectId }) =>
    updateProjectAction(slug, projectId, INITIAL_FORM_STATE, form(projectForm)),
  ),
  "deleteProjectAction (server action)": action(({ projectId }) =>
    deleteProjectAction(slug, projectId, INITIAL_FORM_STATE, form({})),
  ),
  "addTaskAction (server action)": action(({ projectId }) =>
    addTaskAction(slug, projectId, INITIAL_FORM_STATE, form({ title: "Planted", assigneeId: "" })),
  ),
  "setTaskDoneAction (server action)": action(({ projectId, taskId }) =>
    setTaskDoneAction(slug, projectId, taskId, true, INITIAL_FORM_STATE, form({})),
  ),
  "assignTaskAction (server action)": action(({ projectId, taskId }) =>
    assignTaskAction(slug, projectId, taskId, INITIAL_FORM_STATE, form({ assigneeId: "" })),
  ),
  "deleteTaskAction (server action)": action(({ projectId, taskId }) =>
    deleteTaskAction(slug, projectId, taskId, INITIAL_FORM_STATE, form({})),
  ),
  "GET /api/v1/projects/:id": api("GET", ({ projectId }) => `/projects/${projectId}`),
  "PATCH /api/v1/projects/:id": api("PATCH", ({ projectId }) => `/projects/${projectId}`, {
    name: "Taken over",
  }),
  "DELETE /api/v1/projects/:id": api("DELETE", ({ projectId }) => `/projects/${projectId}`),
  "GET /api/v1/projects/:id/tasks": api("GET", ({ projectId }) => `/projects/${projectId}/tasks`),
  "POST /api/v1/projects/:id/tasks": api("POST", ({ projectId }) => `/projects/${projectId}/tasks`, {
    title: "Planted",
  }),
  "GET /api/v1/projects/:id/tasks/:taskId": api(
    "GET",
    (ids) => `/projects/${ids.projectId}/tasks/${ids.taskId}`,
  ),
  "PATCH /api/v1/projects/:id/tasks/:taskId": api(
    "PATCH",
    (ids) => `/projects/${ids.projectId}/tasks/${ids.taskId}`,
    {
      done: true,
    },
  ),
  "DELETE /api/v1/projects/:id/tasks/:taskId": api(
    "DELETE",
    (ids) => `/projects/${ids.projectId}/tasks/${ids.taskId}`,
  ),
};

/** Everything that acts on the caller's organization as a whole. */
const ORGANIZATION_WIDE: Record<string, Attempt> = {
  "listProjects (DAL)": dal(() => listProjects()),
  "createProject (DAL)": dal(() => createProject({ name: "Planted" })),
  "listActivity (DAL)": dal(() => listActivity()),
  "listMembers (DAL)": dal(() => listMembers()),
  "listMyOrganizations (DAL)": dal(() => listMyOrganizations()),
  "createProjectAction (server action)": action(() =>
    createProjectAction(
      slug,
      INITIAL_FORM_STATE,
      form({ name: "Planted", description: "", status: "active" }),
    ),
  ),
  "GET /api/v1/projects": api("GET", () => "/projects"),
  "POST /api/v1/projects": api("POST", () => "/projects", { name: "Planted" }),
};

const DELETES = ["deleteProject (DAL)", "deleteProjectAction (server action)", "DELETE /api/v1/projects/:id"];

let acme: Ids;
let globex: Ids;

async function firstProjectAndTask(caller: Caller): Promise<Ids> {
  return actAs(caller, async () => {
    const projects = await listProjects({ limit: 100 });
    for (const project of projects.data) {
      const tasks = await listTasks(project.id);
      if (tasks.data[0]) return { projectId: project.id, taskId: tasks.data[0].id };
    }
    throw new Error("the demo data should give this organization a project with a task");
  });
}

beforeAll(async () => {
  await seedDemoData(db);
  acme = await firstProjectAndTask(callers.aliceAdminOfAcme);
  globex = await firstProjectAndTask(callers.carolAdminOfGlobex);
});

async function expectUnchanged(attempt: () => Promise<number>, status: number): Promise<void> {
  const before = await tenantSnapshot();
  expect(await attempt()).toBe(status);
  expect(await tenantSnapshot()).toEqual(before);
}

describe("an admin of Acme acting on Globex's ids", () => {
  it.each(Object.entries(BY_ID))("%s answers 404 and changes nothing", async (_name, attempt) => {
    await expectUnchanged(() => attempt(callers.aliceAdminOfAcme, globex), 404);
  });

  it("still finds the same ids as Globex's own admin (the 404 is about the tenant, not the id)", async () => {
    for (const [name, attempt] of Object.entries(BY_ID)) {
      if (name.startsWith("GET")) expect(await attempt(callers.carolAdminOfGlobex, globex), name).toBe(200);
    }
  });

  it("lists only Acme's projects and activity, never a Globex row", async () => {
    const globexProjectIds = new Set(
      (await actAs(callers.carolAdminOfGlobex, () => listProjects({ limit: 100 }))).data.map((p) => p.id),
    );
    const { projects, activity } = await actAs(callers.aliceAdminOfAcme, async () => ({
      projects: await listProjects({ limit: 100 }),
      activity: await listActivity({ limit: 100 }),
    }));
    expect(projects.data.length).toBeGreaterThan(0);
    expect(projects.data.filter((project) => globexProjectIds.has(project.id))).toEqual([]);
    expect(activity.data.filter((entry) => globexProjectIds.has(entry.target.id))).toEqual([]);
  });
});

describe("a signed-out caller", () => {
  it.each(Object.entries({ ...BY_ID, ...ORGANIZATION_WIDE }))(
    "%s answers 401 and changes nothing",
    async (_n, attempt) => {
      await expectUnchanged(() => attempt(null, acme), 401);
    },
  );
});

describe("a signed-in caller without an active organization", () => {
  it.each(Object.entries({ ...BY_ID, ...ORGANIZATION_WIDE }))(
    "%s answers 403 and changes nothing",
    async (_n, attempt) => {
      await expectUnchanged(() => attempt(callers.aliceWithoutOrganization, acme), 403);
    },
  );
});

describe("a member (not an admin) of Acme", () => {
  it.each(DELETES)("%s of an Acme project answers 403 and changes nothing", async (name) => {
    const attempt = BY_ID[name] as Attempt;
    await expectUnchanged(() => attempt(callers.bobMemberOfAcme, acme), 403);
  });

  it("may still create, edit and complete: the only admin-only project action is delete", async () => {
    const allowed = [
      "updateProject (DAL)",
      "createTask (DAL)",
      "updateTask (DAL)",
      "GET /api/v1/projects/:id",
    ] as const;
    for (const name of allowed)
      expect(await (BY_ID[name] as Attempt)(callers.bobMemberOfAcme, acme), name).toBe(200);
  });
});

/**
 * Server actions act for the organization of the page they were submitted from, or not at all:
 * with two tabs on two organizations, a form left open on Acme's page must not write into Globex,
 * the session's active organization since the other tab switched to it.
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
import { type FormState, INITIAL_FORM_STATE } from "@/lib/form-state";
import { seedDemoData } from "@/prisma/seed";
import { listProjects } from "@/server/data/projects";
import { listTasks } from "@/server/data/tasks";
import { db } from "@/server/db";
import { tenantSnapshot } from "../support/owner-db";
import { actAs, callers } from "../support/tenant-callers";

const form = (fields: Record<string, string> = {}) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

// Alice is an admin of Acme and a member of Globex; her session's active organization is Globex.
const aliceInGlobex = callers.aliceMemberOfGlobex;
let globexProject: string;
let globexTask: string;

beforeAll(async () => {
  await seedDemoData(db);
  ({ globexProject, globexTask } = await actAs(aliceInGlobex, async () => {
    for (const project of (await listProjects({ limit: 100 })).data) {
      const [task] = (await listTasks(project.id)).data;
      if (task) return { globexProject: project.id, globexTask: task.id };
    }
    throw new Error("the demo data should give Globex a project with a task");
  }));
});

// Every action of the app, submitted from Acme's pages; the ids are Globex's, so nothing but the
// organization check stands between the submission and a write into Globex.
const FROM_ACME_PAGES: Record<string, () => Promise<FormState>> = {
  createProjectAction: () =>
    createProjectAction("acme", INITIAL_FORM_STATE, form({ name: "Planted", status: "active" })),
  updateProjectAction: () =>
    updateProjectAction("acme", globexProject, INITIAL_FORM_STATE, form({ name: "Renamed" })),
  deleteProjectAction: () => deleteProjectAction("acme", globexProject, INITIAL_FORM_STATE, form()),
  addTaskAction: () => addTaskAction("acme", globexProject, INITIAL_FORM_STATE, form({ title: "Planted" })),
  setTaskDoneAction: () =>
    setTaskDoneAction("acme", globexProject, globexTask, true, INITIAL_FORM_STATE, form()),
  assignTaskAction: () =>
    assignTaskAction("acme", globexProject, globexTask, INITIAL_FORM_STATE, form({ assigneeId: "" })),
  deleteTaskAction: () => deleteTaskAction("acme", globexProject, globexTask, INITIAL_FORM_STATE, form()),
};

describe("a form submitted from organization A's page while the session is active in organization B", () => {
  it.each(Object.entries(FROM_ACME_PAGES))(
    "%s is refused with a clear message and writes nothing",
    async (_name, submit) => {
      const before = await tenantSnapshot();
      const state = await actAs(aliceInGlobex, submit);
      expect(state).toMatchObject({
        status: "error",
        code: 409,
        message: expect.stringMatching(
          /This page is for “acme”, but your session has switched to “globex”.*reload/,
        ),
      });
      expect(await tenantSnapshot()).toEqual(before);
    },
  );
});

describe("a form submitted from the page of the session's active organization", () => {
  it("runs the action (an invalid name reaches validation instead of the organization refusal)", async () => {
    const state = await actAs(aliceInGlobex, () =>
      createProjectAction("globex", INITIAL_FORM_STATE, form({ name: "" })),
    );
    expect(state).toMatchObject({ status: "error", code: 422, fields: { name: [expect.any(String)] } });
  });
});

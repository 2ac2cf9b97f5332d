/**
 * The projects and tasks data access layer against real PostgreSQL, as Clerk-verified callers:
 * what each function does for its own organization, what it refuses, and what it writes to the
 * audit log in the same transaction.
 */
import "../support/app-clerk-env";
import { beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { seedDemoData } from "@/prisma/seed";
import { listActivity } from "@/server/data/activity";
import { ConflictError, InvalidReferenceError, NotFoundError } from "@/server/data/errors";
import { listMembers } from "@/server/data/people";
import {
  createProject,
  deleteProject,
  getProject,
  listProjects,
  updateProject,
} from "@/server/data/projects";
import { createTask, listTasks, updateTask } from "@/server/data/tasks";
import { db } from "@/server/db";
import { tenantSnapshot, withOwnerClient } from "../support/owner-db";
import { actAs, callers } from "../support/tenant-callers";

const alice = callers.aliceAdminOfAcme;
const bob = callers.bobMemberOfAcme;

beforeEach(async () => {
  await withOwnerClient((client) => client.query("TRUNCATE projects, tasks, audit_events"));
  // Users, organizations and memberships as the webhook sync would have stored them; no projects yet.
  await seedDemoData(db);
  await withOwnerClient((client) => client.query("TRUNCATE projects, tasks, audit_events"));
});

describe("projects", () => {
  it("creates a project in the caller's organization, created by the caller, and logs it", async () => {
    const project = await actAs(bob, () => createProject({ name: "  Launch  ", description: "Ship it" }));
    expect(project).toMatchObject({
      name: "Launch",
      description: "Ship it",
      status: "active",
      createdBy: { userId: "user_demo_bob", name: "Bob Builder" },
      taskCount: 0,
      openTaskCount: 0,
    });
    const activity = await actAs(alice, () => listActivity());
    expect(activity.data).toEqual([
      expect.objectContaining({
        action: "project.created",
        actor: { kind: "person", person: { userId: "user_demo_bob", name: "Bob Builder" } },
        target: { type: "project", id: project.id, label: "Launch" },
      }),
    ]);
  });

  it("lists newest first, in pages that together hold every project exactly once", async () => {
    const names = Array.from({ length: 7 }, (_, index) => `Project ${index + 1}`);
    for (const name of names) await actAs(alice, () => createProject({ name }));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await actAs(alice, () => listProjects({ limit: 3, cursor: cursor && decode(cursor) }));
      expect(page.data.length).toBeLessThanOrEqual(3);
      seen.push(...page.data.map((project) => project.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...names].reverse());
  });

  it("refuses a second project with the same name in one organization, and writes nothing", async () => {
    await actAs(alice, () => createProject({ name: "Roadmap" }));
    const before = await tenantSnapshot();
    await expect(actAs(bob, () => createProject({ name: "Roadmap" }))).rejects.toBeInstanceOf(ConflictError);
    expect(await tenantSnapshot()).toEqual(before);
  });

  it("allows the same project name in another organization", async () => {
    await actAs(alice, () => createProject({ name: "Roadmap" }));
    await expect(
      actAs(callers.carolAdminOfGlobex, () => createProject({ name: "Roadmap" })),
    ).resolves.toMatchObject({
      name: "Roadmap",
    });
  });

  it("rejects invalid input with per-field messages before touching the database", async () => {
    const error = await actAs(alice, () => createProject({ name: " ", status: "archived" as never })).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((issue) => issue.path[0]).sort()).toEqual(["name", "status"]);
  });

  it("logs only the fields an update changed, and nothing for an update that changes nothing", async () => {
    const project = await actAs(alice, () => createProject({ name: "Roadmap", description: "v1" }));
    await actAs(bob, () =>
      updateProject(project.id, { name: "Roadmap", description: "v2", status: "on_hold" }),
    );
    await actAs(bob, () => updateProject(project.id, { description: "v2" }));
    const activity = await actAs(alice, () => listActivity());
    expect(activity.data.map((entry) => [entry.action, entry.details])).toEqual([
      [
        "project.updated",
        { changes: { description: { from: "v1", to: "v2" }, status: { from: "active", to: "on_hold" } } },
      ],
      ["project.created", { status: "active" }],
    ]);
  });

  it("deletes a project with its tasks for an admin, and logs how many tasks went with it", async () => {
    const project = await actAs(alice, () => createProject({ name: "Doomed" }));
    await actAs(bob, () => createTask(project.id, { title: "One" }));
    await actAs(bob, () => createTask(project.id, { title: "Two" }));
    await actAs(alice, () => deleteProject(project.id));
    await expect(actAs(alice, () => getProject(project.id))).rejects.toBeInstanceOf(NotFoundError);
    const leftovers = await withOwnerClient((client) => client.query("SELECT 1 FROM tasks"));
    expect(leftovers.rowCount).toBe(0);
    const [latest] = (await actAs(alice, () => listActivity())).data;
    expect(latest).toMatchObject({
      action: "project.deleted",
      details: { taskCount: 2 },
      target: { label: "Doomed" },
    });
  });

  it("treats an id that is not a UUID as not found, not as a database error", async () => {
    await expect(actAs(alice, () => getProject("'; DROP TABLE projects; --"))).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe("tasks", () => {
  it("adds, assigns to a member and completes a task, counting open tasks on the project", async () => {
    const project = await actAs(alice, () => createProject({ name: "Launch" }));
    const task = await actAs(bob, () =>
      createTask(project.id, { title: "Write docs", assigneeId: "user_demo_alice" }),
    );
    expect(task).toMatchObject({
      title: "Write docs",
      done: false,
      assignee: { userId: "user_demo_alice", name: "Alice Admin" },
    });
    await actAs(bob, () => createTask(project.id, { title: "Tell people" }));
    await actAs(bob, () => updateTask(project.id, task.id, { done: true }));
    expect(await actAs(alice, () => getProject(project.id))).toMatchObject({
      taskCount: 2,
      openTaskCount: 1,
    });
    expect((await actAs(alice, () => listTasks(project.id))).data.map((t) => [t.title, t.done])).toEqual([
      ["Write docs", true],
      ["Tell people", false],
    ]);
  });

  it("refuses an assignee who is not a member of the caller's organization, and writes nothing", async () => {
    const project = await actAs(alice, () => createProject({ name: "Launch" }));
    const before = await tenantSnapshot();
    const error = await actAs(bob, () =>
      createTask(project.id, { title: "Spy", assigneeId: "user_demo_carol" }),
    ).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidReferenceError);
    expect(error).toMatchObject({ field: "assigneeId" });
    expect(await tenantSnapshot()).toEqual(before);
  });

  it("does not find a task under another project of the same organization", async () => {
    const first = await actAs(alice, () => createProject({ name: "First" }));
    const second = await actAs(alice, () => createProject({ name: "Second" }));
    const task = await actAs(alice, () => createTask(first.id, { title: "Belongs to first" }));
    await expect(actAs(alice, () => updateTask(second.id, task.id, { done: true }))).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("logs a reassignment with both people's ids, and names them for the activity page", async () => {
    const project = await actAs(alice, () => createProject({ name: "Launch" }));
    const task = await actAs(bob, () =>
      createTask(project.id, { title: "Review", assigneeId: "user_demo_bob" }),
    );
    await actAs(bob, () => updateTask(project.id, task.id, { assigneeId: "user_demo_alice" }));
    const [latest] = (await actAs(alice, () => listActivity())).data;
    expect(latest).toMatchObject({
      action: "task.updated",
      details: { changes: { assigneeId: { from: "user_demo_bob", to: "user_demo_alice" } } },
      people: {
        user_demo_bob: { userId: "user_demo_bob", name: "Bob Builder" },
        user_demo_alice: { userId: "user_demo_alice", name: "Alice Admin" },
      },
    });
  });

  it("offers the organization's members, and only them, as assignees", async () => {
    const members = await actAs(bob, () => listMembers());
    expect(members).toEqual([
      { userId: "user_demo_alice", name: "Alice Admin" },
      { userId: "user_demo_bob", name: "Bob Builder" },
    ]);
  });
});

describe("the organization behind the session", () => {
  it("is created as a placeholder when its webhook has not arrived yet, so its first project can be saved", async () => {
    const newcomer = {
      userId: "user_newcomer",
      orgId: "org_brand_new",
      orgSlug: "brand-new",
      orgRole: "org:admin",
    };
    const project = await actAs(newcomer, () => createProject({ name: "First steps" }));
    expect(project.createdBy).toEqual({ userId: "user_newcomer", name: null });
    const row = await withOwnerClient((client) =>
      client.query(
        "SELECT name, slug, clerk_updated_at, deleted_at FROM organizations WHERE clerk_id = 'org_brand_new'",
      ),
    );
    // A placeholder as the webhook sync makes them: the organization.created event fills it in later.
    expect(row.rows).toEqual([{ name: "brand-new", slug: null, clerk_updated_at: null, deleted_at: null }]);
  });

  it("makes a deleted organization's data unreachable: every read and write is not found", async () => {
    const project = await actAs(alice, () => createProject({ name: "Before the end" }));
    await withOwnerClient((client) =>
      client.query("UPDATE organizations SET deleted_at = now() WHERE clerk_id = 'org_demo_acme'"),
    );
    const before = await tenantSnapshot();
    const attempts: Array<() => Promise<unknown>> = [
      () => listProjects(),
      () => getProject(project.id),
      () => createProject({ name: "After the end" }),
      () => listActivity(),
    ];
    for (const attempt of attempts) {
      await expect(actAs(alice, attempt)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await tenantSnapshot()).toEqual(before);
  });
});

function decode(cursor: string): string {
  return Buffer.from(cursor, "base64url").toString("utf8");
}

/**
 * People are named only within their organization. Users are not a tenant table (Clerk's users may
 * belong to many organizations), so nothing but the data access layer's own filter keeps one
 * organization from reading another's names and emails. The attack: an admin of Acme types a Globex
 * user's Clerk id into every free-text field the app offers, then reads the activity log, the
 * projects and the tasks; none of them may name that user.
 */
import "../support/app-clerk-env";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it } from "vitest";
import ActivityPage from "@/app/(app)/orgs/[slug]/activity/page";
import { seedDemoData } from "@/prisma/seed";
import { listActivity } from "@/server/data/activity";
import { InvalidReferenceError } from "@/server/data/errors";
import { getOrganizationOverview } from "@/server/data/organization";
import { listMembers } from "@/server/data/people";
import { createProject, getProject, listProjects, updateProject } from "@/server/data/projects";
import { createTask, getTask, listTasks, updateTask } from "@/server/data/tasks";
import { db } from "@/server/db";
import { apiCall } from "../support/api-routes";
import { organizationIdOf, withOwnerClient } from "../support/owner-db";
import { actAs, authorizationFor, callers } from "../support/tenant-callers";

const alice = callers.aliceAdminOfAcme;

/** Globex's people, who must stay invisible to Acme: one with a name, one known only by email. */
const victim = {
  clerkId: "user_victim_globex",
  firstName: "Victim",
  lastName: "Globexson",
  email: "victim@globex.example",
};
const nameless = {
  clerkId: "user_nameless_globex",
  firstName: null,
  lastName: null,
  email: "nameless@globex.example",
};
const SECRETS = ["Victim", "Globexson", "victim@globex.example", "nameless@globex.example"];

function expectNoSecret(value: unknown) {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

async function addMember(
  user: { clerkId: string; firstName: string | null; lastName: string | null; email: string },
  clerkOrgId: string,
  options: { left?: boolean } = {},
) {
  const organizationId = await organizationIdOf(clerkOrgId);
  await withOwnerClient(async (client) => {
    const { rows } = await client.query(
      `INSERT INTO users (id, clerk_id, email, first_name, last_name, created_at, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, now(), now())
       RETURNING id`,
      [user.clerkId, user.email, user.firstName, user.lastName],
    );
    await client.query(
      `INSERT INTO memberships (id, clerk_id, organization_id, user_id, role, deleted_at, created_at, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, 'org:member', $4, now(), now())`,
      [`orgmem_${user.clerkId}_${clerkOrgId}`, organizationId, rows[0].id, options.left ? new Date() : null],
    );
  });
}

async function renderActivityPage(): Promise<string> {
  return actAs(alice, async () =>
    renderToStaticMarkup(
      await ActivityPage({ params: Promise.resolve({ slug: "acme" }), searchParams: Promise.resolve({}) }),
    ),
  );
}

beforeEach(async () => {
  await seedDemoData(db);
  // The seed does not undo a membership a test ended.
  await withOwnerClient((client) =>
    client.query("UPDATE memberships SET deleted_at = NULL WHERE clerk_id = 'orgmem_demo_bob_acme'"),
  );
  await withOwnerClient((client) => client.query("TRUNCATE projects, tasks, audit_events"));
  await withOwnerClient((client) =>
    client.query("DELETE FROM users WHERE clerk_id = ANY($1)", [
      [victim.clerkId, nameless.clerkId, "user_former_acme"],
    ]),
  );
  await addMember(victim, "org_demo_globex");
  await addMember(nameless, "org_demo_globex");
});

describe("the activity log", () => {
  it("never names another organization's user whose Clerk id an admin typed into names, descriptions and titles", async () => {
    await actAs(alice, async () => {
      const project = await createProject({ name: victim.clerkId, description: nameless.clerkId });
      await updateProject(project.id, { name: nameless.clerkId, description: victim.clerkId });
      const task = await createTask(project.id, { title: victim.clerkId });
      await updateTask(project.id, task.id, { title: nameless.clerkId });
      await updateTask(project.id, task.id, { title: victim.clerkId, done: true });
    });

    const activity = await actAs(alice, () => listActivity());
    // The ids are there as the text they are; the people behind them are not.
    expect(activity.data.map((entry) => entry.action)).toEqual([
      "task.updated",
      "task.updated",
      "task.created",
      "project.updated",
      "project.created",
    ]);
    expect(JSON.stringify(activity)).toContain(victim.clerkId);
    expectNoSecret(activity);
    for (const entry of activity.data) expect(entry.people).toEqual({});
  });

  it("does not name them on the Activity page either", async () => {
    await actAs(alice, async () => {
      const project = await createProject({ name: "Rename me" });
      await updateProject(project.id, { name: victim.clerkId });
      await updateProject(project.id, { name: nameless.clerkId });
    });
    const html = await renderActivityPage();
    expect(html).toContain(`name → ${victim.clerkId}`);
    expectNoSecret(html);
  });

  it("does not name them when the ids come in through the REST API", async () => {
    const headers = authorizationFor(alice);
    const created = await apiCall("POST", "/projects", {
      headers,
      body: { name: victim.clerkId, description: nameless.clerkId },
    });
    expect(created.status).toBe(201);
    const project = (await created.json()) as { id: string };
    const task = await apiCall("POST", `/projects/${project.id}/tasks`, {
      headers,
      body: { title: victim.clerkId },
    });
    expect(task.status).toBe(201);
    expect(
      (await apiCall("PATCH", `/projects/${project.id}`, { headers, body: { name: nameless.clerkId } }))
        .status,
    ).toBe(200);
    expectNoSecret(await actAs(alice, () => listActivity()));
    expectNoSecret(await renderActivityPage());
  });

  it("refuses another organization's user as an assignee, and logs nothing that names them", async () => {
    const project = await actAs(alice, () => createProject({ name: "Assign" }));
    await expect(
      actAs(alice, () => createTask(project.id, { title: "Task", assigneeId: victim.clerkId })),
    ).rejects.toBeInstanceOf(InvalidReferenceError);
    expectNoSecret(await actAs(alice, () => listActivity()));
  });

  it("names the organization's own people in the assignee and member fields", async () => {
    const project = await actAs(alice, () => createProject({ name: "Assign" }));
    const task = await actAs(alice, () => createTask(project.id, { title: "Task" }));
    await actAs(alice, () => updateTask(project.id, task.id, { assigneeId: "user_demo_bob" }));
    const [entry] = (await actAs(alice, () => listActivity())).data;
    expect(entry?.actor).toEqual({
      kind: "person",
      person: { userId: "user_demo_alice", name: "Alice Admin" },
    });
    expect(entry?.people).toEqual({ user_demo_bob: { userId: "user_demo_bob", name: "Bob Builder" } });
  });

  it("keeps the name of a former member on what they did here", async () => {
    const former = {
      clerkId: "user_former_acme",
      firstName: "Fred",
      lastName: "Former",
      email: "fred@acme.example",
    };
    await addMember(former, "org_demo_acme", { left: true });
    const acmeId = await organizationIdOf("org_demo_acme");
    await withOwnerClient((client) =>
      client.query(
        `INSERT INTO audit_events (id, organization_id, actor, action, target_type, target_id, details, created_at)
         VALUES (gen_random_uuid(), $1, 'system:clerk-webhook', 'membership.deleted', 'membership', 'orgmem_x', $2, now())`,
        [acmeId, JSON.stringify({ changes: { member: { from: former.clerkId, to: null } } })],
      ),
    );
    const [entry] = (await actAs(alice, () => listActivity())).data;
    expect(entry?.people).toEqual({ user_former_acme: { userId: "user_former_acme", name: "Fred Former" } });
    expect((await actAs(alice, () => listMembers())).map((person) => person.userId)).not.toContain(
      "user_former_acme",
    );
  });

  it("does not name a person from another organization even in a person field of the log", async () => {
    const acmeId = await organizationIdOf("org_demo_acme");
    await withOwnerClient((client) =>
      client.query(
        `INSERT INTO audit_events (id, organization_id, actor, action, target_type, target_id, details, created_at)
         VALUES (gen_random_uuid(), $1, $2, 'task.updated', 'task', 't', $3, now())`,
        [
          acmeId,
          victim.clerkId,
          JSON.stringify({ changes: { assigneeId: { from: nameless.clerkId, to: victim.clerkId } } }),
        ],
      ),
    );
    const activity = await actAs(alice, () => listActivity());
    expectNoSecret(activity);
    expect(activity.data[0]?.actor).toEqual({
      kind: "person",
      person: { userId: victim.clerkId, name: null },
    });
  });
});

describe("the other places that turn a Clerk id into a person", () => {
  it("does not name another organization's user as a project's creator", async () => {
    const project = await actAs(alice, () => createProject({ name: "Planted" }));
    await withOwnerClient((client) =>
      client.query("UPDATE projects SET created_by = $1 WHERE id = $2", [victim.clerkId, project.id]),
    );
    const got = await actAs(alice, () => getProject(project.id));
    expect(got.createdBy).toEqual({ userId: victim.clerkId, name: null });
    expectNoSecret(await actAs(alice, () => listProjects()));
    const response = await apiCall("GET", `/projects/${project.id}`, { headers: authorizationFor(alice) });
    expectNoSecret(await response.text());
  });

  it("does not name another organization's user as a task's assignee, however the row came to point at them", async () => {
    const project = await actAs(alice, () => createProject({ name: "Planted" }));
    const task = await actAs(alice, () => createTask(project.id, { title: "Task" }));
    await withOwnerClient((client) =>
      client.query(
        "UPDATE tasks SET assignee_id = (SELECT id FROM users WHERE clerk_id = $1) WHERE id = $2",
        [victim.clerkId, task.id],
      ),
    );
    expect((await actAs(alice, () => getTask(project.id, task.id))).assignee).toEqual({
      userId: victim.clerkId,
      name: null,
    });
    expectNoSecret(await actAs(alice, () => listTasks(project.id)));
    const response = await apiCall("GET", `/projects/${project.id}/tasks`, {
      headers: authorizationFor(alice),
    });
    expect(response.status).toBe(200);
    expectNoSecret(await response.text());
  });

  it("keeps naming a task's assignee who has since left the organization", async () => {
    const project = await actAs(alice, () => createProject({ name: "Handover" }));
    const task = await actAs(alice, () =>
      createTask(project.id, { title: "Task", assigneeId: "user_demo_bob" }),
    );
    await withOwnerClient((client) =>
      client.query("UPDATE memberships SET deleted_at = now() WHERE clerk_id = 'orgmem_demo_bob_acme'"),
    );
    expect((await actAs(alice, () => getTask(project.id, task.id))).assignee).toEqual({
      userId: "user_demo_bob",
      name: "Bob Builder",
    });
  });

  it("lists only the organization's current members, in the assignee picker and on the overview", async () => {
    const members = await actAs(alice, () => listMembers());
    expect(members.map((person) => person.userId).sort()).toEqual(["user_demo_alice", "user_demo_bob"]);
    expectNoSecret(members);
    const overview = await actAs(alice, () => getOrganizationOverview());
    expect(overview?.members.map((member) => member.userId).sort()).toEqual([
      "user_demo_alice",
      "user_demo_bob",
    ]);
    expectNoSecret(overview);
  });
});

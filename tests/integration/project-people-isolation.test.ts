/**
 * People are named only within their organization (see activity-people-isolation.test.ts): a
 * project's creator, a task's assignee and the member list name a Globex user to Acme's admin in
 * none of the data access layer, the REST API or the overview, however the row came to point at them.
 */
import "../support/app-clerk-env";
import { beforeEach, describe, expect, it } from "vitest";
import { getOrganizationOverview } from "@/server/data/organization";
import { listMembers } from "@/server/data/people";
import { createProject, getProject, listProjects } from "@/server/data/projects";
import { createTask, getTask, listTasks } from "@/server/data/tasks";
import { apiCall } from "../support/api-routes";
import { withOwnerClient } from "../support/owner-db";
import { alice, expectNoSecret, seedWithGlobexPeople, victim } from "../support/people-isolation";
import { actAs, authorizationFor } from "../support/tenant-callers";

beforeEach(seedWithGlobexPeople);

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

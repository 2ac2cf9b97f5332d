/**
 * People are named only within their organization. Users are not a tenant table (Clerk's users may
 * belong to many organizations), so nothing but the data access layer's own filter keeps one
 * organization from reading another's names and emails. The attack: an admin of Acme types a Globex
 * user's Clerk id into every free-text field the app offers, then reads the activity log; it may not
 * name that user. (Projects, tasks and the member list: project-people-isolation.test.ts.)
 */
import "../support/app-clerk-env";
import { prerenderToNodeStream } from "react-dom/static";
import { beforeEach, describe, expect, it } from "vitest";
import ActivityPage from "@/app/(app)/orgs/[slug]/activity/page";
import { listActivity } from "@/server/data/activity";
import { InvalidReferenceError } from "@/server/data/errors";
import { listMembers } from "@/server/data/people";
import { createProject, updateProject } from "@/server/data/projects";
import { createTask, updateTask } from "@/server/data/tasks";
import { apiCall } from "../support/api-routes";
import { organizationIdOf, withOwnerClient } from "../support/owner-db";
import {
  addMember,
  alice,
  expectNoSecret,
  nameless,
  seedWithGlobexPeople,
  victim,
} from "../support/people-isolation";
import { actAs, authorizationFor } from "../support/tenant-callers";

/** The page's HTML once every Suspense boundary has resolved (the list streams in behind a skeleton). */
async function renderActivityPage(): Promise<string> {
  return actAs(alice, async () => {
    const page = await ActivityPage({
      params: Promise.resolve({ slug: "acme" }),
      searchParams: Promise.resolve({}),
    });
    const { prelude } = await prerenderToNodeStream(page);
    let html = "";
    for await (const chunk of prelude) html += String(chunk);
    return html;
  });
}

beforeEach(seedWithGlobexPeople);

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

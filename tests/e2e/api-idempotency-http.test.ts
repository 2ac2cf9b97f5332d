/**
 * `Idempotency-Key` over HTTP against the production build (`next start`) and a real PostgreSQL, as
 * the RLS-bound app role: a retried or concurrent POST with one key writes once, through the typed
 * client and Clerk's own verification of the tokens these tests sign.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createApiClient } from "@/lib/api-client";
import { mintSessionToken } from "../support/clerk-tokens";
import { e2eContext } from "./support/e2e-context";
import { identities } from "./support/identities";

function apiAs(identity: (typeof identities)[keyof typeof identities]) {
  const { baseUrl, jwtPrivateKey } = e2eContext();
  return createApiClient({
    baseUrl,
    getToken: () => mintSessionToken(jwtPrivateKey, { ...identity, authorizedParty: baseUrl }),
  });
}

const alice = apiAs(identities.aliceInAcme);

/** A fresh project (the e2e database is shared by every file) and a way to POST tasks to it with a key. */
async function projectForTasks() {
  const project = await alice.projects.create({ name: `Idempotency ${randomUUID()}` });
  const postTask = (title: string, key: string) =>
    alice.client.POST("/projects/{projectId}/tasks", {
      params: { path: { projectId: project.id }, header: { "Idempotency-Key": key } },
      body: { title },
    });
  const taskCount = async () => (await alice.tasks.list(project.id, { limit: 100 })).data.length;
  return { projectId: project.id, postTask, taskCount };
}

describe("Idempotency-Key against the production build", () => {
  it("answers a retried POST with the first answer, marked as replayed, and writes once", async () => {
    const { postTask, taskCount } = await projectForTasks();
    const key = randomUUID();
    const first = await postTask("Write once", key);
    const retry = await postTask("Write once", key);
    expect([first.response.status, retry.response.status]).toEqual([201, 201]);
    expect(first.response.headers.get("idempotent-replayed")).toBeNull();
    expect(retry.response.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.response.headers.get("location")).toBe(first.response.headers.get("location"));
    expect(retry.data).toEqual(first.data);
    expect(await taskCount()).toBe(1);
  });

  it("writes once when POSTs with the same key arrive together: the others get the answer or 409", async () => {
    const { postTask, taskCount } = await projectForTasks();
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 5 }, () => postTask("Together", key)));
    const statuses = answers.map((answer) => answer.response.status);
    expect(
      statuses.every((status) => status === 201 || status === 409),
      String(statuses),
    ).toBe(true);
    expect(await taskCount()).toBe(1);
  });

  it("refuses the same key with a different body (422) and writes nothing", async () => {
    const { postTask, taskCount } = await projectForTasks();
    const key = randomUUID();
    await postTask("The first", key);
    const reused = await postTask("Another", key);
    expect(reused.response.status).toBe(422);
    expect(reused.error).toMatchObject({ error: { code: "idempotency_key_reused" } });
    expect(await taskCount()).toBe(1);
  });

  it("keeps writing as before without a key", async () => {
    const { projectId, taskCount } = await projectForTasks();
    const { baseUrl, jwtPrivateKey } = e2eContext();
    // Raw HTTP: the typed client gives every POST a key.
    for (let attempt = 0; attempt < 2; attempt++) {
      const token = mintSessionToken(jwtPrivateKey, { ...identities.aliceInAcme, authorizedParty: baseUrl });
      const response = await fetch(`${baseUrl}/api/v1/projects/${projectId}/tasks`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ title: "No key" }),
      });
      expect(response.status).toBe(201);
    }
    expect(await taskCount()).toBe(2);
  });
});

import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { createClerkClient } from "@clerk/backend";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { reconcileWithClerk } from "@/server/webhooks/clerk/reconcile";
import { type ClerkApiServer, clerkJson, startClerkApiServer } from "../support/clerk-api-server";
import { captureDeliveryLogs, loadWebhookRoute } from "../support/svix-route";

const { db, deliver } = await loadWebhookRoute();
let api: ClerkApiServer;

const reconcile = (onProgress?: (message: string) => void) =>
  reconcileWithClerk({
    clerk: createClerkClient({ secretKey: api.secretKey, apiUrl: api.apiUrl }),
    db,
    pageSize: 2,
    onProgress,
  });

function seedInstance() {
  const users = ["user_ada", "user_bob", "user_cy", "user_di", "user_ed"].map((id) =>
    clerkJson.user(id, 1000),
  );
  const [ada, bob, cy] = users as [
    ReturnType<typeof clerkJson.user>,
    ...ReturnType<typeof clerkJson.user>[],
  ] &
    ReturnType<typeof clerkJson.user>[];
  const acme = clerkJson.organization("org_acme", 1000);
  const globex = clerkJson.organization("org_globex", 1000);
  api.instance.users = users;
  api.instance.organizations = [acme, globex];
  api.instance.memberships = [
    clerkJson.membership("orgmem_ada_acme", ada, acme, 1100, "org:admin"),
    clerkJson.membership("orgmem_bob_acme", bob as typeof ada, acme, 1100),
    clerkJson.membership("orgmem_cy_globex", cy as typeof ada, globex, 1100, "org:admin"),
    clerkJson.membership("orgmem_ada_globex", ada, globex, 1100),
  ];
  api.instance.hiddenFromLists.clear();
}

beforeAll(async () => {
  captureDeliveryLogs();
  api = await startClerkApiServer();
});
afterAll(() => api.close());
beforeEach(async () => {
  await db.$transaction([db.membership.deleteMany(), db.user.deleteMany(), db.organization.deleteMany()]);
  seedInstance();
  api.requests.length = 0;
});

describe("reconcile (npm run sync:clerk)", () => {
  it("imports every user, organization and membership, page by page", async () => {
    const progress: string[] = [];
    const summary = await reconcile((message) => progress.push(message));

    expect(summary).toEqual({
      user: { created: 5, updated: 0, unchanged: 0, tombstoned: 0 },
      organization: { created: 2, updated: 0, unchanged: 0, tombstoned: 0 },
      membership: { created: 4, updated: 0, unchanged: 0, tombstoned: 0 },
    });
    expect(await db.user.findUniqueOrThrow({ where: { clerkId: "user_ada" } })).toMatchObject({
      email: "user_ada@example.com",
      clerkUpdatedAt: new Date(1000),
    });
    expect(await db.organization.findUniqueOrThrow({ where: { clerkId: "org_acme" } })).toMatchObject({
      slug: "org-acme",
    });
    expect(await db.membership.count({ where: { deletedAt: null } })).toBe(4);
    expect(api.requests.filter((request) => request.startsWith("GET /v1/users?"))).toHaveLength(3);
    expect(progress).toContain("users 5/5");
  });

  it("changes nothing on a second run", async () => {
    await reconcile();
    const summary = await reconcile();
    expect(summary).toEqual({
      user: { created: 0, updated: 0, unchanged: 5, tombstoned: 0 },
      organization: { created: 0, updated: 0, unchanged: 2, tombstoned: 0 },
      membership: { created: 0, updated: 0, unchanged: 4, tombstoned: 0 },
    });
  });

  it("applies what changed and tombstones what Clerk no longer has", async () => {
    await reconcile();
    const instance = api.instance;
    instance.users[0] = clerkJson.user("user_ada", 2000, "Augusta");
    instance.users = instance.users.filter((user) => user.id !== "user_ed");
    instance.memberships = instance.memberships.filter((membership) => membership.id !== "orgmem_bob_acme");
    instance.organizations = instance.organizations.filter(
      (organization) => organization.id !== "org_globex",
    );
    instance.memberships = instance.memberships.filter(
      (membership) => membership.organization.id !== "org_globex",
    );

    const summary = await reconcile();

    expect(summary.user).toEqual({ created: 0, updated: 1, unchanged: 3, tombstoned: 1 });
    expect(summary.organization).toEqual({ created: 0, updated: 0, unchanged: 1, tombstoned: 1 });
    // Two ended with org_globex, one removed from org_acme.
    expect(summary.membership).toEqual({ created: 0, updated: 0, unchanged: 1, tombstoned: 3 });
    expect(await db.user.findUniqueOrThrow({ where: { clerkId: "user_ada" } })).toMatchObject({
      firstName: "Augusta",
    });
    expect((await db.user.findUniqueOrThrow({ where: { clerkId: "user_ed" } })).deletedAt).toBeInstanceOf(
      Date,
    );
    expect(
      (await db.organization.findUniqueOrThrow({ where: { clerkId: "org_globex" } })).deletedAt,
    ).toBeInstanceOf(Date);
    const live = await db.membership.findMany({ where: { deletedAt: null }, select: { clerkId: true } });
    expect(live).toEqual([{ clerkId: "orgmem_ada_acme" }]);
  });

  it("does not tombstone what a list skipped while Clerk still has it", async () => {
    await reconcile();
    api.instance.hiddenFromLists.add("user_bob");
    api.instance.hiddenFromLists.add("orgmem_cy_globex");
    const summary = await reconcile();
    expect(summary.user.tombstoned).toBe(0);
    expect(summary.membership.tombstoned).toBe(0);
    expect(await db.user.count({ where: { deletedAt: { not: null } } })).toBe(0);
  });

  it("does not tombstone a user a webhook added while the reconcile was running", async () => {
    const summary = await reconcile(async (message) => {
      if (message.startsWith("users 2/")) {
        await deliver("user.created", clerkJson.user("user_new", 5000));
      }
    });
    expect(summary.user.tombstoned).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { clerkId: "user_new" } })).deletedAt).toBeNull();
  });

  it("completes the placeholders a membership webhook created", async () => {
    const [ada] = api.instance.users;
    const [acme] = api.instance.organizations;
    if (!ada || !acme) throw new Error("instance not seeded");
    await deliver(
      "organizationMembership.created",
      clerkJson.membership("orgmem_ada_acme", ada, acme, 1100, "org:admin"),
    );
    expect(await db.user.findUniqueOrThrow({ where: { clerkId: "user_ada" } })).toMatchObject({
      clerkUpdatedAt: null,
    });

    const summary = await reconcile();

    expect(summary.user.updated).toBe(1);
    expect(await db.user.findUniqueOrThrow({ where: { clerkId: "user_ada" } })).toMatchObject({
      email: "user_ada@example.com",
      clerkUpdatedAt: new Date(1000),
    });
  });

  it("runs as `npm run sync:clerk` and prints progress and a summary", async () => {
    // Asynchronously: the stand-in API lives in this process and must keep answering.
    const { stdout } = await promisify(execFile)(
      "npx",
      ["tsx", "--conditions=react-server", "scripts/sync-clerk.ts"],
      {
        encoding: "utf8",
        env: {
          ...process.env,
          CLERK_SECRET_KEY: api.secretKey,
          NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: `pk_test_${Buffer.from("clerk.example.com$").toString("base64")}`,
          CLERK_API_URL: api.apiUrl,
        },
        timeout: 60_000,
      },
    );
    expect(stdout).toContain("users 5/5");
    expect(stdout).toMatch(/user\s*│\s*5/);
    expect(await db.user.count({ where: { deletedAt: null } })).toBe(5);
  });
});

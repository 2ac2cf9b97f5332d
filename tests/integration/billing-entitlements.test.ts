/**
 * Plans enforced on the server: the free plan's project limit and the paid activity log, checked with
 * Clerk's `has()` on tokens this file signs (the `pla` / `fea` claims) and verified by Clerk, through
 * the data access layer, the server action and the REST API, against real PostgreSQL.
 */
import "../support/app-clerk-env";
import { beforeEach, describe, expect, it } from "vitest";
import { createProjectAction } from "@/app/(app)/orgs/[slug]/projects/new/actions";
import { INITIAL_FORM_STATE } from "@/lib/form-state";
import { apiErrorSchema } from "@/lib/validation/api-error";
import { seedDemoData } from "@/prisma/seed";
import { runAsCaller, verifyBearerRequest } from "@/server/auth/request-auth";
import { storedEntitlements } from "@/server/billing/state";
import { listActivity } from "@/server/data/activity";
import { getBillingOverview, pastDueNoticeForCaller, requireFeatureToGrow } from "@/server/data/billing";
import { createProject, listProjects, updateProject } from "@/server/data/projects";
import { inTenant } from "@/server/data/tenant";
import { db } from "@/server/db";
import { handleClerkDelivery } from "@/server/webhooks/clerk/dispatch";
import { apiCall } from "../support/api-routes";
import { clerkKeys } from "../support/app-clerk-env";
import { TEST_APP_ORIGIN } from "../support/clerk-auth";
import { billingJson } from "../support/clerk-billing";
import { signClerkJwt } from "../support/clerk-tokens";
import { withOwnerClient } from "../support/owner-db";
import { eventBody, newSvixId } from "../support/svix-signing";
import {
  actAs,
  authorizationFor,
  type Caller,
  callers,
  onFree,
  onPro,
  tokenFor,
} from "../support/tenant-callers";

// Globex is on the free plan in the demo world and holds two projects; Acme is on Pro.
const carolOnFree = callers.carolAdminOfGlobex;
const carolOnPro = onPro(callers.carolAdminOfGlobex);
const alice = callers.aliceAdminOfAcme;

beforeEach(async () => {
  await withOwnerClient((client) =>
    client.query(
      "TRUNCATE projects, tasks, audit_events, billing_subscriptions, billing_subscription_items, billing_payment_attempts",
    ),
  );
  await seedDemoData(db);
});

// As the tables' owner: the app's role sees no project outside a tenant transaction (row-level security).
const projectCount = (clerkOrgId: string) =>
  withOwnerClient(async (client) => {
    const { rows } = await client.query(
      "SELECT count(*)::int AS n FROM projects p JOIN organizations o ON o.id = p.organization_id WHERE o.clerk_id = $1",
      [clerkOrgId],
    );
    return rows[0].n as number;
  });

const deleteGlobexProjects = () =>
  withOwnerClient((client) =>
    client.query(
      "DELETE FROM projects WHERE organization_id = (SELECT id FROM organizations WHERE clerk_id = 'org_demo_globex')",
    ),
  );

const form = (name: string) => {
  const data = new FormData();
  data.set("name", name);
  data.set("status", "active");
  return data;
};

async function deliver(type: string, data: unknown) {
  const outcome = await handleClerkDelivery({ svixId: newSvixId(), body: eventBody(type, data) });
  expect(outcome.status).toBe("processed");
}

describe("the free plan's three projects", () => {
  it("refuses a fourth project through the data access layer, the server action and the API", async () => {
    await actAs(carolOnFree, () => createProject({ name: "Third" }));
    expect(await projectCount("org_demo_globex")).toBe(3);

    await expect(actAs(carolOnFree, () => createProject({ name: "Fourth" }))).rejects.toMatchObject({
      status: 402,
      code: "payment_required",
      message: expect.stringMatching(/up to 3 projects: upgrade to Pro/),
    });
    const state = await actAs(carolOnFree, () =>
      createProjectAction("globex", INITIAL_FORM_STATE, form("Fourth")),
    );
    expect(state).toMatchObject({ status: "error", code: 402, message: expect.stringMatching(/upgrade/) });
    const response = await apiCall("POST", "/projects", {
      headers: authorizationFor(carolOnFree),
      body: { name: "Fourth" },
    });
    expect(response.status).toBe(402);
    expect(apiErrorSchema.parse(await response.json()).error).toMatchObject({ code: "payment_required" });
    expect(await projectCount("org_demo_globex")).toBe(3);
  });

  it("holds under concurrent API calls: of eight at once with no project yet, exactly three are created", async () => {
    await deleteGlobexProjects();
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        apiCall("POST", "/projects", {
          headers: authorizationFor(carolOnFree),
          body: { name: `Concurrent ${index}` },
        }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(3);
    expect(statuses.filter((status) => status === 402)).toHaveLength(5);
    expect(await projectCount("org_demo_globex")).toBe(3);
  });

  it("holds under concurrent creates from two tabs (the data access layer, no project yet)", async () => {
    await deleteGlobexProjects();
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, index) =>
        actAs(carolOnFree, () => createProject({ name: `Tab ${index}` })),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(3);
    expect(await projectCount("org_demo_globex")).toBe(3);
  });

  it("lets an organization on Pro create more", async () => {
    for (const name of ["Three", "Four", "Five"]) await actAs(carolOnPro, () => createProject({ name }));
    expect(await projectCount("org_demo_globex")).toBe(5);
  });

  it("takes a lost feature into account on the next token, and keeps the projects readable", async () => {
    for (const name of ["Three", "Four"]) await actAs(carolOnPro, () => createProject({ name }));
    // The subscription ended: Clerk's next session token carries the free plan.
    await expect(actAs(onFree(carolOnPro), () => createProject({ name: "Five" }))).rejects.toMatchObject({
      status: 402,
    });
    expect((await actAs(onFree(carolOnPro), () => listProjects())).data).toHaveLength(4);
    await expect(actAs(onFree(carolOnPro), () => listActivity())).rejects.toMatchObject({ status: 402 });
  });
});

describe("the activity log", () => {
  it("is refused with 402 on the free plan and opens on Pro", async () => {
    await expect(actAs(carolOnFree, () => listActivity())).rejects.toMatchObject({
      code: "payment_required",
      message: expect.stringMatching(/activity log.*not included in your organization's plan/),
    });
    await expect(actAs(carolOnPro, () => listActivity())).resolves.toMatchObject({ data: expect.any(Array) });
  });

  it("asks Clerk for the organization's feature, not a feature the user bought for themselves", async () => {
    // Carol's own user plan carries `activity_log` (`u:` scope); her organization is on the free plan.
    const claims = JSON.parse(
      Buffer.from(tokenFor(carolOnFree).split(".")[1] as string, "base64url").toString(),
    );
    const token = signClerkJwt(clerkKeys.jwtPrivateKey, { ...claims, fea: "u:activity_log" });
    const verified = await verifyBearerRequest(
      new Request(TEST_APP_ORIGIN, { headers: { authorization: `Bearer ${token}` } }),
    );
    await expect(runAsCaller(verified, () => listActivity())).rejects.toMatchObject({ status: 402 });
  });
});

describe("a payment past due", () => {
  const acmeSubscription = (updatedAt: number, status: string) =>
    billingJson.subscription("csub_acme", "org_demo_acme", updatedAt, {
      status,
      items: [billingJson.item("csi_acme_pro", updatedAt, { status })],
    });

  it("makes paid features read-only: no project beyond the free limit, existing ones still editable", async () => {
    await deliver("subscription.pastDue", acmeSubscription(200, "past_due"));
    await actAs(alice, () => createProject({ name: "Third" }));
    await expect(actAs(alice, () => createProject({ name: "Fourth" }))).rejects.toMatchObject({
      status: 402,
      message: expect.stringMatching(/past due.*read-only/),
    });
    const [project] = (await actAs(alice, () => listProjects())).data;
    await expect(
      actAs(alice, () => updateProject(project?.id as string, { description: "still editable" })),
    ).resolves.toMatchObject({ description: "still editable" });
    await expect(actAs(alice, () => listActivity())).resolves.toBeDefined();

    // Clerk's retry succeeded: the subscription is active again, and the org may grow.
    await deliver("subscription.active", acmeSubscription(300, "active"));
    await expect(actAs(alice, () => createProject({ name: "Fourth" }))).resolves.toBeDefined();
  });

  it("refuses a paid feature used to grow (creating API keys) while past due, and on a plan without it", async () => {
    const createKey = (caller: typeof alice) =>
      actAs(caller, () =>
        inTenant("projects:read", (tx, tenant) => requireFeatureToGrow(tx, tenant, "api_keys")),
      );
    await expect(createKey(alice)).resolves.toBeUndefined();
    await expect(createKey(onFree(alice))).rejects.toMatchObject({ status: 402 });
    await deliver("subscription.pastDue", acmeSubscription(200, "past_due"));
    await expect(createKey(alice)).rejects.toMatchObject({
      status: 402,
      message: expect.stringMatching(/past due/),
    });
  });

  it("raises the banner for the organization's billing managers only, and only while it lasts", async () => {
    const banner = (caller: Caller) => actAs(caller, () => pastDueNoticeForCaller());
    expect(await banner(alice)).toBe(false);
    await deliver("subscription.pastDue", acmeSubscription(200, "past_due"));
    expect(await banner(alice)).toBe(true);
    expect(await banner(callers.bobMemberOfAcme)).toBe(false);
    expect(await banner(carolOnPro)).toBe(false);
    await deliver("subscription.active", acmeSubscription(300, "active"));
    expect(await banner(alice)).toBe(false);
  });

  it("shows on the billing overview", async () => {
    await deliver("subscription.pastDue", acmeSubscription(200, "past_due"));
    await expect(actAs(alice, () => getBillingOverview())).resolves.toMatchObject({
      status: "past_due",
      pastDue: true,
      plan: { slug: "pro", status: "past_due" },
      entitlements: { plan: "pro" },
    });
  });
});

describe("the billing overview", () => {
  it("is refused to a member without the billing permission", async () => {
    await expect(actAs(callers.bobMemberOfAcme, () => getBillingOverview())).rejects.toMatchObject({
      status: 403,
    });
  });
});

describe("entitlements of a credential without billing claims (an organization API key)", () => {
  it("come from the synced subscription: Pro while its item runs, nothing once it ended", async () => {
    expect(await storedEntitlements("org_demo_globex")).toEqual({ plan: null, features: [] });
    const free = billingJson.item("csi_free", 100, { plan: "free_org", periodStart: 1 });
    const pro = billingJson.item("csi_pro", 100, { plan: "pro", periodStart: 50 });
    await deliver(
      "subscription.updated",
      billingJson.subscription("csub_globex", "org_demo_globex", 100, { items: [free, pro] }),
    );
    expect(await storedEntitlements("org_demo_globex")).toMatchObject({
      plan: "pro",
      features: expect.arrayContaining(["unlimited_projects", "activity_log", "api_keys"]),
    });
    await deliver(
      "subscriptionItem.ended",
      billingJson.item("csi_pro", 200, { status: "ended", subscriptionId: "csub_globex" }),
    );
    expect(await storedEntitlements("org_demo_globex")).toEqual({ plan: "free_org", features: [] });
  });
});

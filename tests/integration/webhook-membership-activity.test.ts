import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { withOwnerClient } from "../support/owner-db";
import { captureDeliveryLogs, loadWebhookRoute } from "../support/svix-route";
import { newSvixId } from "../support/svix-signing";

const { db, deliver } = await loadWebhookRoute();

const membership = (updatedAt: number, role = "org:member") => ({
  object: "organization_membership",
  id: "orgmem_activity",
  role,
  updated_at: updatedAt,
  organization: {
    id: "org_activity",
    name: "Activity Org",
    slug: "activity-org",
    image_url: null,
    updated_at: 10,
  },
  public_user_data: {
    user_id: "user_activity",
    identifier: "a@example.com",
    first_name: "Ada",
    last_name: null,
  },
});

// Read as the owner: audit events are tenant rows, which row-level security hides from the app role.
function activity() {
  return withOwnerClient(
    async (client) =>
      (
        await client.query(
          `SELECT a.actor, a.action, a.target_id AS "targetId", a.details, o.clerk_id AS org
             FROM audit_events a JOIN organizations o ON o.id = a.organization_id
            WHERE a.target_type = 'membership' ORDER BY a.created_at, a.id`,
        )
      ).rows,
  );
}

beforeAll(() => {
  captureDeliveryLogs();
});
beforeEach(async () => {
  await db.$transaction([db.membership.deleteMany(), db.user.deleteMany(), db.organization.deleteMany()]);
});

describe("membership changes in the organization's activity log", () => {
  it("records a join, a role change and a leave, attributed to the Clerk sync", async () => {
    await deliver("organizationMembership.created", membership(100));
    await deliver("organizationMembership.updated", membership(200, "org:admin"));
    await deliver("organizationMembership.deleted", membership(300, "org:admin"));

    expect(await activity()).toEqual([
      {
        actor: "system:clerk-webhook",
        action: "membership.created",
        targetId: "orgmem_activity",
        org: "org_activity",
        details: {
          changes: { member: { from: null, to: "user_activity" }, role: { from: null, to: "org:member" } },
        },
      },
      {
        actor: "system:clerk-webhook",
        action: "membership.updated",
        targetId: "orgmem_activity",
        org: "org_activity",
        details: { changes: { role: { from: "org:member", to: "org:admin" } } },
      },
      {
        actor: "system:clerk-webhook",
        action: "membership.deleted",
        targetId: "orgmem_activity",
        org: "org_activity",
        details: { changes: { member: { from: "user_activity", to: null } } },
      },
    ]);
  });

  it("records nothing for a replayed, stale or role-preserving delivery", async () => {
    const svixId = newSvixId();
    await deliver("organizationMembership.created", membership(100), { svixId });
    await deliver("organizationMembership.created", membership(100), { svixId });
    await deliver("organizationMembership.updated", membership(50, "org:admin"));
    await deliver("organizationMembership.updated", membership(150));

    expect((await activity()).map((row) => row.action)).toEqual(["membership.created"]);
  });

  it("records the memberships a user deletion ends", async () => {
    await deliver("organizationMembership.created", membership(100));
    await deliver("user.deleted", { object: "user", id: "user_activity", deleted: true });

    expect((await activity()).map((row) => row.action)).toEqual(["membership.created", "membership.deleted"]);
  });
});

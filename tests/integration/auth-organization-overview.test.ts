import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@/prisma/seed";
import { orgContextOf, sessionFromAuth } from "@/server/auth/session";
import { MEMBER_PAGE_SIZE, organizationOverviewFor } from "@/server/data/organization";
import { db } from "@/server/db";
import { authenticateWithClerk, TEST_APP_ORIGIN } from "../support/clerk-auth";
import { createClerkTestKeys, mintSessionToken, type SessionIdentity } from "../support/clerk-tokens";

const keys = createClerkTestKeys();

async function contextFor(identity: SessionIdentity) {
  const token = mintSessionToken(keys.jwtPrivateKey, { ...identity, authorizedParty: TEST_APP_ORIGIN });
  return orgContextOf(sessionFromAuth(await authenticateWithClerk(keys, token)));
}

const aliceInAcme = {
  userId: "user_demo_alice",
  orgId: "org_demo_acme",
  orgSlug: "acme",
  orgRole: "org:admin",
};
const aliceInGlobex = { ...aliceInAcme, orgId: "org_demo_globex", orgSlug: "globex", orgRole: "org:member" };

beforeAll(async () => {
  await seedDemoData(db);
});

describe("the organization overview (dashboard data)", () => {
  it("lists the active organization's members, admins first, and marks the caller", async () => {
    const overview = await organizationOverviewFor(await contextFor(aliceInAcme));
    expect(overview).toEqual({
      name: "Acme Inc.",
      slug: "acme",
      memberCount: 2,
      members: [
        {
          userId: "user_demo_alice",
          name: "Alice Admin",
          email: "alice@acme.example",
          role: "org:admin",
          isYou: true,
        },
        {
          userId: "user_demo_bob",
          name: "Bob Builder",
          email: "bob@acme.example",
          role: "org:member",
          isYou: false,
        },
      ],
    });
  });

  it("shows the same user only the organization the session acts for", async () => {
    const overview = await organizationOverviewFor(await contextFor(aliceInGlobex));
    expect(overview?.name).toBe("Globex Corporation");
    expect(overview?.members.map((member) => member.userId)).toEqual(["user_demo_carol", "user_demo_alice"]);
  });

  it("leaves out members whose membership or user was deleted", async () => {
    const context = await contextFor(aliceInAcme);
    await db.membership.update({
      where: { clerkId: "orgmem_demo_bob_acme" },
      data: { deletedAt: new Date() },
    });
    try {
      const overview = await organizationOverviewFor(context);
      expect(overview?.memberCount).toBe(1);
      expect(overview?.members.map((member) => member.userId)).toEqual(["user_demo_alice"]);
    } finally {
      await db.membership.update({ where: { clerkId: "orgmem_demo_bob_acme" }, data: { deletedAt: null } });
    }
  });

  it("counts every live member but lists only the first page, admins first", async () => {
    const context = await contextFor(aliceInAcme);
    const acme = await db.organization.findUniqueOrThrow({ where: { clerkId: "org_demo_acme" } });
    const extra = Array.from(
      { length: MEMBER_PAGE_SIZE },
      (_, i) => `user_page_${String(i).padStart(2, "0")}`,
    );
    for (const clerkId of extra) {
      const user = await db.user.create({ data: { clerkId, firstName: "Aaron" } });
      await db.membership.create({
        data: { clerkId: `orgmem_${clerkId}`, organizationId: acme.id, userId: user.id, role: "org:member" },
      });
    }
    try {
      const overview = await organizationOverviewFor(context);
      expect(overview?.memberCount).toBe(MEMBER_PAGE_SIZE + 2);
      expect(overview?.members).toHaveLength(MEMBER_PAGE_SIZE);
      // Alice is the only admin; the members follow by first name ("Aaron" before "Bob"), then Clerk id.
      expect(overview?.members.slice(0, 3).map((member) => member.userId)).toEqual([
        "user_demo_alice",
        "user_page_00",
        "user_page_01",
      ]);
      expect(overview?.members.map((member) => member.userId)).not.toContain("user_demo_bob");
    } finally {
      await db.membership.deleteMany({ where: { clerkId: { in: extra.map((id) => `orgmem_${id}`) } } });
      await db.user.deleteMany({ where: { clerkId: { in: extra } } });
    }
  });

  it("is null for an organization the webhook has not synced yet", async () => {
    const context = await contextFor({ ...aliceInAcme, orgId: "org_not_synced_yet", orgSlug: "new" });
    expect(await organizationOverviewFor(context)).toBeNull();
  });

  it("is null for a deleted organization, so its members are not shown", async () => {
    const context = await contextFor(aliceInGlobex);
    await db.organization.update({ where: { clerkId: "org_demo_globex" }, data: { deletedAt: new Date() } });
    try {
      expect(await organizationOverviewFor(context)).toBeNull();
    } finally {
      await db.organization.update({ where: { clerkId: "org_demo_globex" }, data: { deletedAt: null } });
    }
  });
});

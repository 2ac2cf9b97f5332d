/** The organization switcher's list: the caller's own organizations, from the verified session only. */
import "../support/app-clerk-env";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@/prisma/seed";
import { listMyOrganizations } from "@/server/data/organization";
import { db } from "@/server/db";
import { actAs, callers } from "../support/tenant-callers";

const acme = { name: "Acme Inc.", slug: "acme" };
const globex = { name: "Globex Corporation", slug: "globex" };

beforeAll(async () => {
  await seedDemoData(db);
});

describe("listMyOrganizations", () => {
  it("lists every organization the caller belongs to, whichever one is active", async () => {
    expect(await actAs(callers.aliceAdminOfAcme, () => listMyOrganizations())).toEqual([acme, globex]);
    expect(await actAs(callers.aliceMemberOfGlobex, () => listMyOrganizations())).toEqual([acme, globex]);
  });

  it("lists no organization the caller is not a member of", async () => {
    expect(await actAs(callers.bobMemberOfAcme, () => listMyOrganizations())).toEqual([acme]);
    expect(await actAs(callers.carolAdminOfGlobex, () => listMyOrganizations())).toEqual([globex]);
  });

  it("leaves out an organization whose membership has ended", async () => {
    const membership = await db.membership.findFirstOrThrow({
      where: { user: { clerkId: "user_demo_alice" }, organization: { slug: "globex" } },
    });
    await db.membership.update({ where: { id: membership.id }, data: { deletedAt: new Date() } });
    try {
      expect(await actAs(callers.aliceAdminOfAcme, () => listMyOrganizations())).toEqual([acme]);
    } finally {
      await db.membership.update({ where: { id: membership.id }, data: { deletedAt: null } });
    }
  });
});

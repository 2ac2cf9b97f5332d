/**
 * The reconcile's safety catches: it refuses another instance's key and mass tombstones before
 * writing anything, goes ahead with force, and a dry run reports exactly what a real run changes.
 */
import { describe, expect, it } from "vitest";
import { ReconcileRefusedError } from "@/server/webhooks/clerk/reconcile-checks";
import { clerkJson } from "../support/clerk-api-server";
import {
  api,
  db,
  importThenDeleteMostUsers,
  reconcile,
  reconcileWith,
  setUpSeededClerkInstance,
  startOtherInstance,
  tables,
} from "../support/clerk-reconcile";

setUpSeededClerkInstance();

describe("reconcile safety", () => {
  it("refuses a key of another Clerk instance before writing anything", async () => {
    await reconcile();
    const before = await tables();
    const other = await startOtherInstance();
    try {
      const refused = reconcileWith(other);
      await expect(refused).rejects.toBeInstanceOf(ReconcileRefusedError);
      await expect(refused).rejects.toThrow(/none of 5 users and 2 organizations .* another instance's key/);
    } finally {
      await other.close();
    }
    expect(await tables()).toEqual(before);
  });

  it("refuses to tombstone more than 10% and more than 5 rows of a kind, and tombstones nothing", async () => {
    await importThenDeleteMostUsers();
    await expect(reconcileWith(api)).rejects.toThrow(
      /it would tombstone 7 of 12 users.*Nothing was tombstoned/,
    );
    expect(await db.user.count({ where: { deletedAt: { not: null } } })).toBe(0);
  });

  it("tombstones them all with force", async () => {
    await importThenDeleteMostUsers();
    const { summary, tombstoned, refusal } = await reconcileWith(api, { force: true });
    expect(summary.user.tombstoned).toBe(7);
    expect(tombstoned.user).toHaveLength(7);
    expect(refusal).toMatch(/it would tombstone 7 of 12 users/);
    expect(await db.user.count({ where: { deletedAt: { not: null } } })).toBe(7);
  });

  it("still tombstones a handful of rows without force", async () => {
    await reconcile();
    api.instance.users = api.instance.users.filter((user) => user.id !== "user_ed" && user.id !== "user_di");
    expect((await reconcileWith(api)).summary.user.tombstoned).toBe(2);
  });

  it("reports in a dry run exactly what a real run then changes, and writes nothing", async () => {
    await reconcile();
    api.instance.users[0] = clerkJson.user("user_ada", 2000, "Augusta");
    api.instance.users.push(clerkJson.user("user_fay", 1000));
    api.instance.organizations = api.instance.organizations.filter((org) => org.id !== "org_globex");
    api.instance.memberships = api.instance.memberships.filter((m) => m.organization.id !== "org_globex");
    const before = await tables();

    const plan = await reconcileWith(api, { dryRun: true });

    expect(await tables()).toEqual(before);
    const real = await reconcileWith(api);
    expect(plan.summary).toEqual(real.summary);
    expect(plan.tombstoned).toEqual(real.tombstoned);
    expect(plan.summary.user).toEqual({ created: 1, updated: 1, unchanged: 4, tombstoned: 0 });
    expect(plan.tombstoned.membership.sort()).toEqual(["orgmem_ada_globex", "orgmem_cy_globex"]);
  });
});

/**
 * The audit log: written in the same transaction as the change it records, readable by admins only,
 * and usable from the webhook sync (a transaction that has no tenant of its own).
 */
import "../support/app-clerk-env";
import { beforeEach, describe, expect, it } from "vitest";
import { seedDemoData } from "@/prisma/seed";
import { CLERK_WEBHOOK_ACTOR, recordAuditEvent } from "@/server/audit/record";
import { AuthError } from "@/server/auth/errors";
import { listActivity } from "@/server/data/activity";
import { inTenant } from "@/server/data/tenant";
import { db } from "@/server/db";
import { organizationIdOf, tenantSnapshot, withOwnerClient } from "../support/owner-db";
import { actAs, callers, onPro } from "../support/tenant-callers";

beforeEach(async () => {
  await seedDemoData(db);
  await withOwnerClient((client) => client.query("TRUNCATE projects, tasks, audit_events"));
});

const membershipEvent = (organizationId: string) => ({
  organizationId,
  actor: CLERK_WEBHOOK_ACTOR,
  action: "membership.created",
  target: { type: "membership", id: "orgmem_demo_bob_acme", label: "Bob Builder" },
  details: { role: "org:member" },
});

describe("recording from the webhook sync", () => {
  it("records a membership change in the event's organization from a transaction without a tenant", async () => {
    const acmeId = await organizationIdOf("org_demo_acme");
    await db.$transaction(async (tx) => {
      await recordAuditEvent(tx, membershipEvent(acmeId));
    });
    const activity = await actAs(callers.aliceAdminOfAcme, () => listActivity());
    expect(activity.data).toEqual([
      expect.objectContaining({
        actor: { kind: "system", name: "clerk-webhook" },
        action: "membership.created",
        target: { type: "membership", id: "orgmem_demo_bob_acme", label: "Bob Builder" },
        details: { role: "org:member" },
      }),
    ]);
    expect((await actAs(onPro(callers.carolAdminOfGlobex), () => listActivity())).data).toEqual([]);
  });

  it("records events of several organizations in one delivery, and leaves the transaction without a tenant", async () => {
    const acmeId = await organizationIdOf("org_demo_acme");
    const globexId = await organizationIdOf("org_demo_globex");
    const tenantAfterwards = await db.$transaction(async (tx) => {
      await recordAuditEvent(tx, membershipEvent(acmeId));
      await recordAuditEvent(tx, membershipEvent(globexId));
      const [row] = await tx.$queryRaw<Array<{ tenant: string }>>`
        SELECT coalesce(current_setting('app.org_id', true), '') AS tenant`;
      return row?.tenant;
    });
    expect(tenantAfterwards).toBe("");
    for (const caller of [callers.aliceAdminOfAcme, onPro(callers.carolAdminOfGlobex)]) {
      expect((await actAs(caller, () => listActivity())).data.map((entry) => entry.action)).toEqual([
        "membership.created",
      ]);
    }
  });

  it("rolls the event back with the transaction it belongs to", async () => {
    const acmeId = await organizationIdOf("org_demo_acme");
    const before = await tenantSnapshot();
    await expect(
      db.$transaction(async (tx) => {
        await recordAuditEvent(tx, membershipEvent(acmeId));
        throw new Error("the membership upsert failed");
      }),
    ).rejects.toThrow("the membership upsert failed");
    expect(await tenantSnapshot()).toEqual(before);
  });
});

describe("recording inside a tenant transaction", () => {
  it("refuses an event for another organization: row-level security holds the transaction to its tenant", async () => {
    const globexId = await organizationIdOf("org_demo_globex");
    const before = await tenantSnapshot();
    await expect(
      actAs(callers.aliceAdminOfAcme, () =>
        inTenant("projects:create", (tx) => recordAuditEvent(tx, membershipEvent(globexId))),
      ),
    ).rejects.toThrow(/row-level security/);
    expect(await tenantSnapshot()).toEqual(before);
  });
});

describe("reading the activity log", () => {
  it("is for admins: a member is refused (403)", async () => {
    const error = await actAs(callers.bobMemberOfAcme, () => listActivity()).catch((e) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(error.status).toBe(403);
  });
});

import "../support/app-clerk-env";
import { describe, expect, it } from "vitest";
import { demoProjects } from "@/prisma/demo-data";
import { seedDemoData } from "@/prisma/seed";
import { deleteProject, listProjects } from "@/server/data/projects";
import { db } from "@/server/db";
import { tenantSnapshot } from "../support/owner-db";
import { actAs, callers } from "../support/tenant-callers";

describe("the demo seed", () => {
  it("gives each demo organization its own projects, run as the app's RLS-bound role", async () => {
    const summary = await seedDemoData(db);
    expect(summary.projects).toBe(demoProjects.length);
    const acme = await actAs(callers.bobMemberOfAcme, () => listProjects());
    expect(acme.data.map((project) => project.name).sort()).toEqual(
      demoProjects
        .filter((project) => project.org === "org_demo_acme")
        .map((project) => project.name)
        .sort(),
    );
  });

  it("changes nothing when run again, and does not bring back a project someone deleted", async () => {
    await seedDemoData(db);
    const [first] = (await actAs(callers.aliceAdminOfAcme, () => listProjects())).data;
    await actAs(callers.aliceAdminOfAcme, () => deleteProject(first?.id ?? ""));
    const before = await tenantSnapshot();
    expect((await seedDemoData(db)).projects).toBe(0);
    expect(await tenantSnapshot()).toEqual(before);
  });
});

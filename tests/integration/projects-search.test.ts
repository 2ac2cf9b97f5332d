/**
 * Searching the project list (`listProjects({ q })`, `GET /api/v1/projects?q=`): a part of the name,
 * in any case, taken as text — never as a LIKE pattern.
 */
import "../support/app-clerk-env";
import { beforeEach, describe, expect, it } from "vitest";
import { createProject, listProjects } from "@/server/data/projects";
import { resetDemoTenant } from "../support/api-v1-fixtures";
import { actAs, callers } from "../support/tenant-callers";

const alice = callers.aliceAdminOfAcme;

beforeEach(resetDemoTenant);

describe("project search", () => {
  it("finds projects by a case-insensitive part of their name", async () => {
    for (const name of ["Website relaunch", "Hiring", "Web shop"])
      await actAs(alice, () => createProject({ name }));
    const page = await actAs(alice, () => listProjects({ q: "WEB" }));
    expect(page.data.map((project) => project.name)).toEqual(["Web shop", "Website relaunch"]);
  });

  it("searches for the text typed: `%`, `_` and `\\` match only themselves", async () => {
    for (const name of ["100% done", "1000 done", "a_b", "axb", "back\\slash"])
      await actAs(alice, () => createProject({ name }));
    const namesFound = async (q: string) =>
      (await actAs(alice, () => listProjects({ q }))).data.map((project) => project.name);
    expect(await namesFound("100%")).toEqual(["100% done"]);
    expect(await namesFound("a_b")).toEqual(["a_b"]);
    expect(await namesFound("k\\s")).toEqual(["back\\slash"]);
    expect(await namesFound("%")).toEqual(["100% done"]);
  });
});

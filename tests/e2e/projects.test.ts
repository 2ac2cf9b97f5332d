/**
 * Projects in a real browser (Debian's Chromium) against the production build, signed in with
 * Clerk session cookies the app verifies: create, edit, complete a task, delete as an admin, a
 * member's refused delete, and switching organizations.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { projectSchema } from "@/lib/validation/projects";
import { newAppPage, screenshot } from "./support/browser";
import { openBrowserPerFile } from "./support/browser-session";
import { request } from "./support/http";
import { identities } from "./support/identities";

const openAs = openBrowserPerFile();

async function projectNamed(identity: (typeof identities)[keyof typeof identities], name: string) {
  const response = await request(`/api/v1/projects?q=${encodeURIComponent(name)}`, { session: identity });
  expect(response.status).toBe(200);
  const { data } = (await response.json()) as { data: unknown[] };
  return data.map((item) => projectSchema.parse(item)).find((project) => project.name === name) ?? null;
}

async function createProjectInBrowser(page: Page, name: string): Promise<string> {
  await page.goto("/orgs/acme/projects");
  await page.getByRole("link", { name: "New project" }).click();
  await page.waitForURL((url) => url.pathname === "/orgs/acme/projects/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Description (optional)").fill("Made in Chromium");
  await page.getByRole("button", { name: "Create project" }).click();
  await page.waitForURL(/\/orgs\/acme\/projects\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

function deleteFormOf(serverHtml: string): string {
  const form = /<form[^>]*>(?:(?!<\/form>)[\s\S])*?Delete project(?:(?!<\/form>)[\s\S])*?<\/form>/.exec(
    serverHtml,
  );
  if (!form) throw new Error("the admin's page has no delete form");
  return form[0];
}

/** Adds a server-rendered form to the page and submits it natively, as a browser without JavaScript would. */
async function submitForeignForm(page: Page, formHtml: string): Promise<void> {
  await Promise.all([
    page.waitForNavigation(),
    page.evaluate((html) => {
      const form = new DOMParser().parseFromString(html, "text/html").forms[0];
      if (!form) throw new Error("no form in the given HTML");
      const adopted = document.importNode(form, true);
      document.body.append(adopted);
      adopted.submit();
    }, formHtml),
  ]);
}

/**
 * The names in the projects list once it is on screen. The list streams in behind a skeleton and React
 * reveals it after the load event, so reading right after `goto` can see no list at all — and a "does
 * not contain" check would then pass for nothing.
 */
async function listedNames(page: Page): Promise<string[]> {
  const list = page.getByRole("list", { name: "Projects" });
  await list.waitFor({ state: "visible" });
  return list.getByRole("link").allInnerTexts();
}

describe("projects in the browser", () => {
  it("creates and edits a project, adds and completes a task, and an admin deletes it", async () => {
    const page = await openAs(identities.aliceInAcme);
    const path = await createProjectInBrowser(page, "Browser launch");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Browser launch");

    await page.getByRole("link", { name: "Edit" }).click();
    await page.waitForURL((url) => url.pathname === `${path}/edit`);
    await page.getByLabel("Name", { exact: true }).fill("Browser relaunch");
    await page.getByLabel("Status").selectOption("on_hold");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL((url) => url.pathname === path);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Browser relaunch");
    expect(await page.getByText("On hold").count()).toBeGreaterThan(0);

    await page.getByLabel("Task title").fill("Write the browser test");
    await page.getByLabel("Assignee", { exact: true }).selectOption({ label: "Bob Builder" });
    await page.getByRole("button", { name: "Add task" }).click();
    const tasks = page.getByRole("list", { name: "Tasks" });
    await expect.poll(() => tasks.innerText()).toContain("Write the browser test");

    await page.getByRole("button", { name: "Complete “Write the browser test”" }).click();
    await expect
      .poll(() => page.getByRole("button", { name: "Reopen “Write the browser test”" }).count())
      .toBe(1);
    await screenshot(page, "projects-task-completed");

    // Deleting asks first, in a dialog that names the project.
    await page.getByRole("button", { name: "Delete project" }).click();
    const confirmation = page.getByRole("alertdialog", { name: "Delete “Browser relaunch”?" });
    await confirmation.getByRole("button", { name: "Delete project" }).click();
    await page.waitForURL((url) => url.pathname === "/orgs/acme/projects");
    expect(await listedNames(page)).not.toContain("Browser relaunch");
    expect(await projectNamed(identities.aliceInAcme, "Browser relaunch")).toBeNull();
  });

  it("shows the field's message next to it and keeps what was typed when the input is invalid", async () => {
    const page = await openAs(identities.bobInAcme);
    await page.goto("/orgs/acme/projects/new");
    await page.getByLabel("Description (optional)").fill("No name yet");
    await page.getByRole("button", { name: "Create project" }).click();
    await expect.poll(() => page.getByText("Name is required").count()).toBe(1);
    expect(await page.getByLabel("Description (optional)").inputValue()).toBe("No name yet");
    expect(new URL(page.url()).pathname).toBe("/orgs/acme/projects/new");
  });

  it("hides delete from a member, and refuses it when the member submits the admin's form anyway", async () => {
    const admin = await openAs(identities.aliceInAcme);
    const path = await createProjectInBrowser(admin, "Members cannot delete this");
    // The delete form as the server renders it for an admin: what a browser without JavaScript posts.
    const deleteForm = deleteFormOf(await (await admin.request.get(path)).text());

    const member = await openAs(identities.bobInAcme);
    await member.goto(path);
    await expect
      .poll(() => member.getByRole("heading", { level: 1 }).innerText())
      .toBe("Members cannot delete this");
    expect(await member.getByRole("button", { name: "Delete project" }).count()).toBe(0);

    // The same server action, posted from the member's session: the data access layer decides, not the UI.
    await submitForeignForm(member, deleteForm);
    // The post has been answered (the page navigated to its response): the action ran and refused.
    await expect
      .poll(() => member.getByRole("heading", { level: 1 }).innerText())
      .toBe("Members cannot delete this");
    expect(await projectNamed(identities.aliceInAcme, "Members cannot delete this")).not.toBeNull();

    // Control: the very same post from the admin's session deletes it, so the refusal above was the role's.
    const adminAgain = await openAs(identities.aliceInAcme);
    await adminAgain.goto(path);
    await submitForeignForm(adminAgain, deleteForm);
    await expect.poll(() => projectNamed(identities.aliceInAcme, "Members cannot delete this")).toBeNull();
    await expect.poll(() => new URL(adminAgain.url()).pathname).toBe("/orgs/acme/projects");
  });

  it("switches organization from the URL and then sees only that organization's projects", async () => {
    const page = await openAs(identities.aliceInAcme);
    await page.goto("/orgs/acme/projects");
    const acme = await listedNames(page);
    expect(acme).toContain("Website relaunch");
    expect(acme).not.toContain("Supply chain audit");

    await page.goto("/orgs/globex/projects");
    await expect.poll(() => listedNames(page)).toContain("Supply chain audit");
    const globex = await listedNames(page);
    expect(globex).not.toContain("Website relaunch");
    // Alice is a member (not an admin) of Globex: no delete button on its projects.
    await page.getByRole("link", { name: "Supply chain audit" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Supply chain audit");
    expect(await page.getByRole("button", { name: "Delete project" }).count()).toBe(0);
    await screenshot(page, "projects-globex-as-member");
  });

  it("refuses a form left open on Acme's page after another tab switched the session to Globex", async () => {
    const acmeTab = await openAs(identities.aliceInAcme);
    await acmeTab.goto("/orgs/acme/projects/new");
    await acmeTab.getByLabel("Name", { exact: true }).fill("Meant for Acme");

    // The second tab shares the first one's session: opening Globex makes it the active organization.
    const globexTab = await newAppPage(acmeTab.context());
    await globexTab.goto("/orgs/globex/projects");
    await expect.poll(() => listedNames(globexTab)).toContain("Supply chain audit");

    await acmeTab.getByRole("button", { name: "Create project" }).click();
    const refusal = acmeTab.getByText(/^This page is for “acme”, but your session has switched to “globex”/);
    await expect.poll(() => refusal.count()).toBe(1);
    expect(await refusal.innerText()).toMatch(/Nothing was saved: reload the page/);
    expect(await acmeTab.getByLabel("Name", { exact: true }).inputValue()).toBe("Meant for Acme");
    expect(await projectNamed(identities.aliceInGlobex, "Meant for Acme")).toBeNull();
    expect(await projectNamed(identities.aliceInAcme, "Meant for Acme")).toBeNull();
  });

  it("shows the not-found page for another organization's project id", async () => {
    const globexProject = await projectNamed(identities.carolInGlobex, "Supply chain audit");
    const page = await openAs(identities.aliceInAcme);
    await page.goto(`/orgs/acme/projects/${globexProject?.id}`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Project not found");
    expect(await page.content()).not.toContain("Supply chain audit");
  });
});

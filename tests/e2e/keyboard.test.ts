/**
 * The main flows with the keyboard alone — Tab, Shift+Tab, Enter, Space, arrows, Escape; no click,
 * no `fill` on an element that was not reached by Tab: create a project, add and complete a task,
 * delete with a confirmation that names what goes (and can be cancelled), switch organization.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openBrowserPerFile } from "./support/browser-session";
import { identities } from "./support/identities";
import { hydrated } from "./support/main-pages";

const openAs = openBrowserPerFile();

/** Presses Tab until `target` has focus; fails when it is not reachable within `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  await pressUntilFocused(page, target, "Tab", limit);
}

async function pressUntilFocused(page: Page, target: Locator, key: string, limit: number): Promise<void> {
  for (let press = 0; press < limit; press += 1) {
    await page.keyboard.press(key);
    // The locator is resolved again after each press: a menu that re-renders replaces its nodes, and a
    // handle taken before would never be the focused element.
    if (await target.evaluate((node) => node === document.activeElement)) return;
  }
  throw new Error(`${target} is not reachable with the ${key} key`);
}

const toast = (page: Page, text: string) =>
  page.getByRole("region", { name: /Notifications/ }).getByText(text, { exact: true });

describe("with the keyboard only", () => {
  it("creates a project, adds and completes a task, and deletes both after confirming", async () => {
    const page = await openAs(identities.aliceInAcme);
    await page.goto("/orgs/acme/projects");
    await hydrated(page);

    await tabTo(page, page.getByRole("link", { name: "New project" }));
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/orgs/acme/projects/new");
    await hydrated(page);
    await tabTo(page, page.getByLabel("Name", { exact: true }));
    await page.keyboard.type("Keyboard launch");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Made without a mouse");
    await tabTo(page, page.getByRole("button", { name: "Create project" }));
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/orgs\/acme\/projects\/[0-9a-f-]{36}$/);
    await expect.poll(() => toast(page, "Project created").count()).toBe(1);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Keyboard launch");

    await hydrated(page);
    // The confirmation dialog's code arrives after hydration; its trigger replaces the placeholder.
    await page.locator("[data-slot=alert-dialog-trigger]").first().waitFor();
    await tabTo(page, page.getByLabel("Task title"));
    await page.keyboard.type("Tab through the page");
    await page.keyboard.press("Enter");
    await expect.poll(() => toast(page, "Task added").count()).toBe(1);
    const tasks = page.getByRole("list", { name: "Tasks" });
    await expect.poll(() => tasks.innerText()).toContain("Tab through the page");

    await tabTo(page, page.getByRole("button", { name: "Complete “Tab through the page”" }));
    await page.keyboard.press("Space");
    await expect
      .poll(() => page.getByRole("button", { name: "Reopen “Tab through the page”" }).count())
      .toBe(1);
    await expect.poll(() => toast(page, "“Tab through the page” completed").count()).toBe(1);

    // Escape cancels: the dialog closes, nothing is deleted, and focus is back on the trigger.
    const deleteTask = page.getByRole("button", { name: "Delete task “Tab through the page”" });
    await tabTo(page, deleteTask);
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("alertdialog");
    await expect
      .poll(() => dialog.getByRole("heading").innerText())
      .toBe("Delete task “Tab through the page”?");
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await deleteTask.evaluate((node) => node === document.activeElement)).toBe(true);
    expect(await tasks.innerText()).toContain("Tab through the page");

    await page.keyboard.press("Enter");
    await tabTo(page, dialog.getByRole("button", { name: "Delete task" }), 5);
    await page.keyboard.press("Enter");
    await expect.poll(() => toast(page, "Task “Tab through the page” deleted").count()).toBe(1);
    await expect.poll(() => page.getByRole("list", { name: "Tasks" }).count()).toBe(0);

    await tabTo(page, page.getByRole("button", { name: "Delete project" }));
    await page.keyboard.press("Enter");
    await expect.poll(() => dialog.getByRole("heading").innerText()).toBe("Delete “Keyboard launch”?");
    await tabTo(page, dialog.getByRole("button", { name: "Delete project" }), 5);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/orgs/acme/projects");
    await expect.poll(() => toast(page, "Project “Keyboard launch” deleted").count()).toBe(1);
    expect(await page.getByRole("list", { name: "Projects" }).innerText()).not.toContain("Keyboard launch");
  });

  it("switches organization from the switcher's menu, which lists only the person's organizations", async () => {
    const page = await openAs(identities.aliceInAcme);
    await page.goto("/orgs/acme");
    await hydrated(page);
    // The menu's code arrives after hydration; its trigger replaces the placeholder button.
    await page.locator("[data-slot=dropdown-menu-trigger]").waitFor();
    await tabTo(page, page.getByRole("button", { name: "Organization: Acme Inc." }));
    await page.keyboard.press("Enter");
    const menu = page.getByRole("menu");
    await expect
      .poll(() => menu.getByRole("menuitem").allInnerTexts())
      .toEqual(["Acme Inc.", "Globex Corporation", "Create organization"]);
    await pressUntilFocused(page, menu.getByRole("menuitem", { name: "Globex Corporation" }), "ArrowDown", 3);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/orgs/globex");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Globex Corporation");

    const bob = await openAs(identities.bobInAcme);
    await bob.goto("/orgs/acme");
    await hydrated(bob);
    await bob.locator("[data-slot=dropdown-menu-trigger]").waitFor();
    await tabTo(bob, bob.getByRole("button", { name: "Organization: Acme Inc." }));
    await bob.keyboard.press("Enter");
    await expect
      .poll(() => bob.getByRole("menu").getByRole("menuitem").allInnerTexts())
      .toEqual(["Acme Inc.", "Create organization"]);
  });
});

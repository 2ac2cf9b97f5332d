/**
 * The API keys page in Chromium against the production build: an admin makes a key with chosen
 * permissions, sees its secret once, the key works on the REST API within those permissions, and
 * revoking it — confirmed in a dialog that names the key — takes it off the list. Clerk's SDK does every call to the Backend API stand-in.
 */
import { describe, expect, it } from "vitest";
import { screenshot } from "./support/browser";
import { openBrowserPerFile } from "./support/browser-session";
import { e2eContext } from "./support/e2e-context";
import { identities } from "./support/identities";
import { hydrated } from "./support/main-pages";

const openAs = openBrowserPerFile();

const withKey = (secret: string, method = "GET", body?: unknown) =>
  fetch(new URL("/api/v1/projects", e2eContext().baseUrl), {
    method,
    headers: { Authorization: `Bearer ${secret}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe("an admin on the API keys page", () => {
  it("makes a read-only key, copies its secret once, and revokes it", async () => {
    const page = await openAs(identities.aliceInAcme);
    const response = await page.goto("/orgs/acme/api-keys");
    expect(response?.status()).toBe(200);

    await page.getByLabel("Name").fill("Browser-made export key");
    // projects:read is ticked by default; nothing else.
    await page.getByRole("button", { name: "Create key" }).click();
    const created = page.getByRole("status").filter({ hasText: "shown this once" });
    await expect.poll(() => created.innerText()).toContain("shown this once");
    const secret = (await created.locator("code").innerText()).trim();
    expect(secret).toMatch(/^ak_/);
    const table = page.getByRole("table", { name: "API keys" });
    await expect.poll(() => table.innerText()).toContain("Browser-made export key");
    await screenshot(page, "api-keys-created");

    expect((await withKey(secret)).status).toBe(200);
    expect((await withKey(secret, "POST", { name: "Refused" })).status).toBe(403);

    await page.reload();
    expect(await page.content()).not.toContain(secret);
    await hydrated(page);
    await page.getByRole("button", { name: "Revoke “Browser-made export key”" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Revoke “Browser-made export key”?" });
    await confirm.getByRole("button", { name: "Revoke key" }).click();
    await expect.poll(() => page.getByText("API key “Browser-made export key” revoked").count()).toBe(1);
    await expect.poll(() => page.getByRole("cell", { name: "Browser-made export key" }).count()).toBe(0);
  });
});

/**
 * `orgs login` end to end: the real CLI process (cli/orgs.mjs) against the production build; Chromium,
 * signed in with a test session, follows the URL the CLI prints, approves, and is sent back to the
 * CLI's loopback port; the CLI redeems the code for a Clerk API key (made on the run's Backend API
 * stand-in), keeps it, lists the organization's projects with it, and logout revokes it at Clerk.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClerkClient } from "@clerk/backend";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BrowserIdentity, screenshot } from "./support/browser";
import { openBrowserPerFile } from "./support/browser-session";
import { e2eContext } from "./support/e2e-context";
import { identities } from "./support/identities";

const openAs = openBrowserPerFile();
let home: string;
beforeEach(() => {
  home = mkdtempSync(path.join(tmpdir(), "orgs-cli-e2e-"));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** The `orgs` executable as a person runs it, with this test's own config directory. */
function orgs(...args: string[]): Run {
  const child = spawn(process.execPath, ["cli/orgs.mjs", ...args, "--api-url", e2eContext().baseUrl], {
    env: { ...process.env, XDG_CONFIG_HOME: home },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

async function finished(...args: string[]) {
  const run = orgs(...args);
  const code = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

/** The sign-in URL the CLI prints on stderr. */
async function signInUrlOf(run: Run): Promise<string> {
  for (let waited = 0; waited < 15_000; waited += 100) {
    const url = /https?:\/\/\S+\/cli\/authorize\?\S+/.exec(run.stderr())?.[0];
    if (url) return url;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the CLI printed no sign-in URL; stderr:\n${run.stderr()}`);
}

/** Asks Clerk (the run's Backend API stand-in, through Clerk's SDK) whether a key is revoked. */
async function revokedAtClerk(keyId: string): Promise<boolean> {
  const { clerkApiUrl, secretKey } = e2eContext();
  return (await createClerkClient({ secretKey, apiUrl: clerkApiUrl }).apiKeys.get(keyId)).revoked;
}

/** The secret, where this machine keeps it in the file (null where a keychain holds it). */
function storedToken(storage: { kind: string; location: string }): string | null {
  if (storage.kind !== "file") return null;
  const entries = JSON.parse(readFileSync(storage.location, "utf8")) as Record<string, { token: string }>;
  return entries[new URL(e2eContext().baseUrl).origin]?.token ?? null;
}

const sessionWith = (token: string) =>
  fetch(new URL("/api/cli/session", e2eContext().baseUrl), { headers: { authorization: `Bearer ${token}` } });

/** `orgs login` in the background while Chromium, signed in as `identity`, approves; the CLI's JSON answer. */
async function loginApprovedBy(identity: BrowserIdentity) {
  const login = orgs("login", "--no-browser", "--json");
  const page = await openAs(identity);
  await page.goto(await signInUrlOf(login));
  await page.getByRole("button", { name: "Approve" }).click();
  await page.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/callback\?/);
  expect(await login.exited, login.stderr()).toBe(0);
  return JSON.parse(login.stdout());
}

describe("orgs login", () => {
  it("signs in through the browser, keeps the credential, lists the organization's projects, and logout revokes it", async () => {
    const login = orgs("login", "--no-browser", "--json");
    const page = await openAs(identities.aliceInAcme);
    await page.goto(await signInUrlOf(login));
    await expect.poll(() => page.getByTestId("cli-organization").textContent()).toBe("acme");
    await screenshot(page, "cli-authorize");
    await page.getByRole("button", { name: "Approve" }).click();

    await page.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/callback\?/);
    expect(await page.textContent("body")).toContain("The orgs CLI is signed in");
    expect(await login.exited, login.stderr()).toBe(0);
    const signedIn = JSON.parse(login.stdout());
    expect(signedIn).toMatchObject({
      userId: "user_demo_alice",
      organization: { id: "org_demo_acme", slug: "acme" },
      scopes: expect.arrayContaining(["projects:read", "projects:create", "projects:delete"]),
    });
    // The secret went from the app to the CLI by POST: never on stdout, never in the browser's URL.
    expect(signedIn).not.toHaveProperty("token");
    expect(page.url()).toMatch(/[?&]code=/);
    // Here (no Secret Service) the file; on a desktop, the keychain. The CLI says which.
    const { storage } = signedIn as { storage: { kind: string; location: string } };
    if (storage.kind === "file") {
      expect(storage.location).toBe(path.join(home, "orgs", "credentials.json"));
      expect(statSync(storage.location).mode & 0o777).toBe(0o600);
    } else {
      expect(storage.kind).toBe("keychain");
    }

    const whoami = await finished("whoami", "--json");
    expect(whoami.code, whoami.stderr).toBe(0);
    expect(JSON.parse(whoami.stdout)).toMatchObject({ userId: "user_demo_alice", keyId: signedIn.keyId });

    const listed = await finished("projects", "list", "--json");
    expect(listed.code, listed.stderr).toBe(0);
    const names = (JSON.parse(listed.stdout) as { data: Array<{ name: string }> }).data.map((p) => p.name);
    expect(names).toContain("Website relaunch");
    expect(names).not.toContain("Supply chain audit"); // Globex's

    const created = await finished("projects", "create", "Launched from the CLI", "--json");
    expect(created.code, created.stderr).toBe(0);
    const shown = await finished("projects", "show", JSON.parse(created.stdout).id, "--json");
    // Acting as the organization's key: the audit trail names the key, whose Clerk record names Alice.
    expect(JSON.parse(shown.stdout)).toMatchObject({
      name: "Launched from the CLI",
      createdBy: { apiKeyId: signedIn.keyId },
    });

    // Signing in again replaces the credential and revokes the one it replaces.
    const again = await loginApprovedBy(identities.aliceInAcme);
    expect(again.keyId).not.toBe(signedIn.keyId);
    expect(again.replaced).toEqual({ keyId: signedIn.keyId, revoked: true });
    expect(await revokedAtClerk(signedIn.keyId)).toBe(true);

    const token = storedToken(storage);
    const logout = await finished("logout", "--json");
    expect(logout.code, logout.stderr).toBe(0);
    expect(JSON.parse(logout.stdout)).toEqual({ signedOut: true, revoked: true });
    expect(await revokedAtClerk(again.keyId)).toBe(true);
    if (token) expect((await sessionWith(token)).status).toBe(401);
    const after = await finished("whoami");
    expect(after.code).toBe(3);
    expect(after.stderr).toContain("Not signed in");
  });

  it("ends with exit 1 and keeps nothing when the person cancels in the browser", async () => {
    const login = orgs("login", "--no-browser");
    const page = await openAs(identities.bobInAcme);
    await page.goto(await signInUrlOf(login));
    await page.getByRole("link", { name: "Cancel" }).click();
    expect(await login.exited).toBe(1);
    expect(login.stderr()).toContain("declined in the browser");
    expect((await finished("whoami")).code).toBe(3);
  });

  it("shows a broken sign-in link as such, without an Approve button", async () => {
    const page = await openAs(identities.aliceInAcme);
    await page.goto("/cli/authorize?state=abc&port=80");
    await expect
      .poll(() => page.getByRole("heading").first().textContent())
      .toBe("This sign-in link is incomplete");
    expect(await page.getByRole("button", { name: "Approve" }).count()).toBe(0);
  });
});

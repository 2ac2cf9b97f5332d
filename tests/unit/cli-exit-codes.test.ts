/**
 * The exit codes and output scripts rely on, from the real CLI entry point (`main`), with a throwaway
 * config directory and the file store (no keychain on CI).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CredentialStore, configDirOf } from "@/cli/credential-store";
import { main } from "@/cli/main";
import { EXIT } from "@/cli/output";

let home: string;
beforeEach(() => {
  home = mkdtempSync(path.join(tmpdir(), "orgs-cli-"));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, {
    env: { XDG_CONFIG_HOME: home, ORGS_CREDENTIAL_STORE: "file" },
    stdout: (text) => stdout.push(text),
    stderr: (text) => stderr.push(text),
  });
  return { code, stdout: stdout.join(""), stderr: stderr.join("") };
}

/** A port nothing listens on: taken, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("orgs exit codes", () => {
  it("exits 0 for --help, with the commands on stdout", async () => {
    const { code, stdout } = await run("--help");
    expect(code).toBe(EXIT.ok);
    expect(stdout).toMatch(/login[\s\S]*logout[\s\S]*whoami[\s\S]*projects/);
  });

  it.each([
    ["an unknown command", ["deploy"]],
    ["an unknown option", ["whoami", "--verbose"]],
    ["a missing argument", ["projects", "show"]],
    ["a limit that is not a number", ["projects", "list", "--limit", "ten"]],
    ["an --api-url that is not http(s)", ["whoami", "--api-url", "ftp://example.com"]],
  ])("exits 2 for %s", async (_what, argv) => {
    expect((await run(...argv)).code).toBe(EXIT.usage);
  });

  it.each([["whoami"], ["projects", "list"], ["projects", "create", "Launch"]])(
    "exits 3 when not signed in (%s)",
    async (...argv) => {
      const { code, stderr } = await run(...argv, "--api-url", "http://127.0.0.1:9");
      expect(code).toBe(EXIT.signedOut);
      expect(stderr).toContain("Not signed in to http://127.0.0.1:9: run `orgs login`");
    },
  );

  it("says not-signed-in as JSON on stderr with --json, leaving stdout empty", async () => {
    const { code, stdout, stderr } = await run("whoami", "--json", "--api-url", "http://127.0.0.1:9");
    expect(code).toBe(EXIT.signedOut);
    expect(stdout).toBe("");
    expect(JSON.parse(stderr)).toEqual({
      error: { code: "not_signed_in", message: "Not signed in to http://127.0.0.1:9: run `orgs login`." },
    });
  });

  it("exits 3 for a credential that expired, without asking the app", async () => {
    const apiUrl = `http://127.0.0.1:${await closedPort()}`;
    await new CredentialStore({ configDir: configDirOf({ XDG_CONFIG_HOME: home }), keychain: null }).save({
      apiUrl,
      token: "ak_secret",
      keyId: "ak_id_1",
      userId: "user_demo_alice",
      organization: { id: "org_demo_acme", slug: "acme" },
      scopes: [],
      expiresAt: "2020-01-01T00:00:00.000Z",
    });
    expect((await run("whoami", "--api-url", apiUrl)).code).toBe(EXIT.signedOut);
  });

  it("exits 1 when the app cannot be reached, and says which URL it tried", async () => {
    const apiUrl = `http://127.0.0.1:${await closedPort()}`;
    await new CredentialStore({ configDir: configDirOf({ XDG_CONFIG_HOME: home }), keychain: null }).save({
      apiUrl,
      token: "ak_secret",
      keyId: "ak_id_1",
      userId: "user_demo_alice",
      organization: { id: "org_demo_acme", slug: "acme" },
      scopes: [],
      expiresAt: null,
    });
    const { code, stderr } = await run("whoami", "--api-url", apiUrl);
    expect(code).toBe(EXIT.failure);
    expect(stderr).toContain(`Cannot reach ${apiUrl}`);
  });

  it("exits 0 for logout when there is nothing to sign out of", async () => {
    const { code, stdout } = await run("logout", "--api-url", "http://127.0.0.1:9");
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain("Not signed in");
  });
});

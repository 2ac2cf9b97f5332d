import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { chmod, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CredentialStore, type Keychain, osKeychain, type StoredCredential } from "@/cli/credential-store";

let configDir: string;
beforeEach(() => {
  configDir = path.join(mkdtempSync(path.join(tmpdir(), "orgs-cli-")), "orgs");
});
afterEach(() => rmSync(path.dirname(configDir), { recursive: true, force: true }));

const credential = (apiUrl: string, token = "ak_secret"): StoredCredential => ({
  apiUrl,
  token,
  keyId: "ak_id_1",
  userId: "user_demo_alice",
  organization: { id: "org_demo_acme", slug: "acme" },
  scopes: ["projects:read"],
  expiresAt: "2027-01-01T00:00:00.000Z",
});

/** A keychain that answers, in memory: the OS keychain's contract as the store uses it. */
function workingKeychain(): Keychain & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    get: (account) => entries.get(account) ?? null,
    set: (account, secret) => {
      entries.set(account, secret);
    },
    delete: (account) => {
      entries.delete(account);
    },
  };
}

/** What `@napi-rs/keyring` does on a machine without a Secret Service (this one, CI): it throws. */
const missingKeychain: Keychain = {
  get: () => {
    throw new Error("Couldn't access platform storage: AccessDenied");
  },
  set: () => {
    throw new Error("Couldn't access platform storage: AccessDenied");
  },
  delete: () => {
    throw new Error("Couldn't access platform storage: AccessDenied");
  },
};

const mode = (file: string) => statSync(file).mode & 0o777;

describe("the CLI's credential store", () => {
  it("keeps the credential in the OS keychain when one answers, and writes no file", async () => {
    const keychain = workingKeychain();
    const store = new CredentialStore({ configDir, keychain });
    const storage = await store.save(credential("https://app.example.com/"));
    expect(storage).toEqual({ kind: "keychain", location: "orgs-cli / https://app.example.com" });
    expect(JSON.parse(keychain.entries.get("https://app.example.com") ?? "{}").token).toBe("ak_secret");
    expect(() => statSync(path.join(configDir, "credentials.json"))).toThrow();
    expect((await store.load("https://app.example.com"))?.credential.token).toBe("ak_secret");
  });

  it("falls back to a file only its owner can read, in a directory only its owner can enter, where no keychain answers", async () => {
    const store = new CredentialStore({ configDir, keychain: missingKeychain });
    const storage = await store.save(credential("https://app.example.com"));
    const file = path.join(configDir, "credentials.json");
    expect(storage).toEqual({ kind: "file", location: file });
    expect(mode(file)).toBe(0o600);
    expect(mode(configDir)).toBe(0o700);
    expect(await store.load("https://app.example.com")).toEqual({
      credential: credential("https://app.example.com"),
      storage,
    });
  });

  it("closes an existing config directory that others could enter", async () => {
    await mkdir(configDir, { recursive: true });
    await chmod(configDir, 0o755);
    await new CredentialStore({ configDir, keychain: null }).save(credential("https://app.example.com"));
    expect(mode(configDir)).toBe(0o700);
  });

  it("keeps one credential per app origin, and logout of one leaves the other", async () => {
    const store = new CredentialStore({ configDir, keychain: null });
    await store.save(credential("https://app.example.com", "ak_production"));
    await store.save(credential("http://localhost:3000", "ak_local"));
    await store.remove("https://app.example.com/some/path");
    expect(await store.load("https://app.example.com")).toBeNull();
    expect((await store.load("http://localhost:3000/"))?.credential.token).toBe("ak_local");
    const onDisk = JSON.parse(readFileSync(path.join(configDir, "credentials.json"), "utf8"));
    expect(Object.keys(onDisk)).toEqual(["http://localhost:3000"]);
  });

  it("moves a credential out of the file once a keychain answers, so no stale copy stays on disk", async () => {
    await new CredentialStore({ configDir, keychain: null }).save(
      credential("https://app.example.com", "ak_old"),
    );
    const keychain = workingKeychain();
    await new CredentialStore({ configDir, keychain }).save(credential("https://app.example.com", "ak_new"));
    const onDisk = JSON.parse(readFileSync(path.join(configDir, "credentials.json"), "utf8"));
    expect(onDisk).toEqual({});
  });

  it.runIf(process.platform === "linux")(
    "finds no OS keychain on Linux without a D-Bus session (a headless server, CI), so the file is used",
    async () => {
      // There the library accepts a write into the kernel's session keyring that the next process cannot read.
      expect(await osKeychain({})).toBeNull();
    },
  );
});

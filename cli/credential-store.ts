/**
 * Where the CLI keeps its credential: the OS keychain (macOS Keychain, Windows Credential Manager,
 * the Secret Service on Linux desktops) through `@napi-rs/keyring`; where there is none (a headless
 * server, CI, a container), a file only the user can read: `$XDG_CONFIG_HOME/orgs/credentials.json`
 * (default `~/.config/orgs/`), mode 0600 in a 0700 directory. Each credential is kept per app origin,
 * so one machine can be signed in to production and to a local app at once.
 */
import { chmod, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import path from "node:path";
import type { CliIdentity } from "../lib/cli-protocol";

export interface StoredCredential extends CliIdentity {
  /** The app's origin the credential belongs to, e.g. `https://app.example.com`. */
  apiUrl: string;
  token: string;
}

export type StorageKind = "keychain" | "file";

export interface Storage {
  kind: StorageKind;
  /** Said to the person: the keychain's entry, or the file's path. */
  location: string;
}

/** A keychain as the store uses it; every method may throw when there is no keychain to talk to. */
export interface Keychain {
  get(account: string): string | null;
  set(account: string, secret: string): void;
  delete(account: string): void;
}

export const KEYCHAIN_SERVICE = "orgs-cli";

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The OS keychain; null when `@napi-rs/keyring` has no binary for this platform, or on Linux without
 * a D-Bus session (a headless server, CI, a container), where no Secret Service can be running: there
 * the library may still accept a write into the kernel's per-session keyring, which the next `orgs`
 * process cannot read back (seen on this project's CI machines), so the file is the honest choice.
 */
export async function osKeychain(env: Env): Promise<Keychain | null> {
  if (process.platform === "linux" && !env.DBUS_SESSION_BUS_ADDRESS) return null;
  try {
    const { Entry } = await import("@napi-rs/keyring");
    return {
      get: (account) => new Entry(KEYCHAIN_SERVICE, account).getPassword() ?? null,
      set: (account, secret) => new Entry(KEYCHAIN_SERVICE, account).setPassword(secret),
      delete: (account) => {
        new Entry(KEYCHAIN_SERVICE, account).deletePassword();
      },
    };
  } catch {
    return null;
  }
}

export function configDirOf(env: Env): string {
  return path.join(env.XDG_CONFIG_HOME || path.join(homedir(), ".config"), "orgs");
}

export interface CredentialStoreOptions {
  configDir: string;
  /** null: no keychain on this machine, or `ORGS_CREDENTIAL_STORE=file` asked for the file. */
  keychain: Keychain | null;
}

export class CredentialStore {
  private readonly file: string;

  constructor(private readonly options: CredentialStoreOptions) {
    this.file = path.join(options.configDir, "credentials.json");
  }

  /** Keeps `credential` in the keychain if one answers, else in the file; says which. */
  async save(credential: StoredCredential): Promise<Storage> {
    const account = originOf(credential.apiUrl);
    const { keychain } = this.options;
    if (keychain) {
      try {
        keychain.set(account, JSON.stringify(credential));
        await this.writeFileEntry(account, undefined);
        return { kind: "keychain", location: `${KEYCHAIN_SERVICE} / ${account}` };
      } catch {
        // No keychain service behind the library (no D-Bus Secret Service, a locked keychain): the file.
      }
    }
    await this.writeFileEntry(account, credential);
    return { kind: "file", location: this.file };
  }

  async load(apiUrl: string): Promise<{ credential: StoredCredential; storage: Storage } | null> {
    const account = originOf(apiUrl);
    const fromKeychain = this.readKeychain(account);
    if (fromKeychain) {
      return {
        credential: fromKeychain,
        storage: { kind: "keychain", location: `${KEYCHAIN_SERVICE} / ${account}` },
      };
    }
    const fromFile = (await this.readFile())[account];
    return fromFile ? { credential: fromFile, storage: { kind: "file", location: this.file } } : null;
  }

  async remove(apiUrl: string): Promise<void> {
    const account = originOf(apiUrl);
    try {
      this.options.keychain?.delete(account);
    } catch {
      // Nothing stored there, or no keychain: nothing to remove.
    }
    await this.writeFileEntry(account, undefined);
  }

  private readKeychain(account: string): StoredCredential | null {
    try {
      const text = this.options.keychain?.get(account);
      return text ? (JSON.parse(text) as StoredCredential) : null;
    } catch {
      return null;
    }
  }

  private async readFile(): Promise<Record<string, StoredCredential>> {
    try {
      return JSON.parse(await readFile(this.file, "utf8")) as Record<string, StoredCredential>;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
      throw new Error(`${this.file} is not readable JSON; delete it and run \`orgs login\` again`);
    }
  }

  /** Sets (or with undefined, removes) one origin's entry: written whole to a 0600 file, then renamed over. */
  private async writeFileEntry(account: string, credential: StoredCredential | undefined): Promise<void> {
    const entries = await this.readFile();
    if (!credential && !(account in entries)) return;
    if (credential) entries[account] = credential;
    else delete entries[account];
    await mkdir(this.options.configDir, { recursive: true, mode: 0o700 });
    // mkdir leaves an existing directory's mode alone; this one holds secrets.
    await chmod(this.options.configDir, 0o700);
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(entries, null, 2)}\n`, { mode: 0o600 });
    await rename(temporary, this.file);
  }
}

/** Credentials are per app origin: `https://app.example.com/` and `https://app.example.com` are one. */
export function originOf(apiUrl: string): string {
  return new URL(apiUrl).origin;
}

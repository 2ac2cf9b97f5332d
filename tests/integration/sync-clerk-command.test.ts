/**
 * `npm run sync:clerk` as an operator runs it, in a child process against the stand-in Clerk
 * instance: its output, its refusals and its exit codes.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { ClerkApiServer } from "../support/clerk-api-server";
import {
  api,
  db,
  importThenDeleteMostUsers,
  reconcile,
  setUpSeededClerkInstance,
  startOtherInstance,
  tables,
} from "../support/clerk-reconcile";

setUpSeededClerkInstance();

describe("npm run sync:clerk", () => {
  async function syncClerk(server: ClerkApiServer, ...args: string[]) {
    try {
      // Asynchronously: the stand-in API lives in this process and must keep answering.
      const { stdout, stderr } = await promisify(execFile)(
        "npx",
        ["tsx", "--conditions=react-server", "scripts/sync-clerk.ts", ...args],
        {
          encoding: "utf8",
          env: {
            ...process.env,
            CLERK_SECRET_KEY: server.secretKey,
            // server/env.ts wants Clerk's keys as a pair, as in a real .env.
            NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: `pk_test_${Buffer.from("clerk.example.com$").toString("base64")}`,
            CLERK_API_URL: server.apiUrl,
          },
          timeout: 60_000,
        },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout: string; stderr: string };
      return { code: failed.code ?? -1, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it("prints progress and a summary", async () => {
    const run = await syncClerk(api);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("users 5/5");
    expect(run.stdout).toMatch(/user\s*│\s*5/);
    expect(await db.user.count({ where: { deletedAt: null } })).toBe(5);
  });

  it("refuses a key of another instance with a clear message and a non-zero exit, changing nothing", async () => {
    await reconcile();
    const before = await tables();
    const other = await startOtherInstance();
    try {
      const run = await syncClerk(other);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/Refusing to reconcile: .*another instance's key.* Nothing was changed/);
      expect(run.stderr).not.toMatch(/\bat \S+ \(/);
    } finally {
      await other.close();
    }
    expect(await tables()).toEqual(before);
  });

  it("prints the plan with --dry-run and writes nothing", async () => {
    await importThenDeleteMostUsers();
    const before = await tables();
    const run = await syncClerk(api, "--dry-run");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Dry run: nothing was written");
    expect(run.stdout).toMatch(/users to tombstone: (user_\d+, ){6}user_\d+/);
    expect(run.stdout).toContain("Without --force, a run would refuse: it would tombstone 7 of 12 users");
    expect(await tables()).toEqual(before);
  });

  it("refuses the tombstones without --force and goes ahead with it", async () => {
    await importThenDeleteMostUsers();
    const refused = await syncClerk(api);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Refusing to reconcile: it would tombstone 7 of 12 users");
    expect(await db.user.count({ where: { deletedAt: { not: null } } })).toBe(0);

    const forced = await syncClerk(api, "--force");
    expect(forced.code).toBe(0);
    expect(await db.user.count({ where: { deletedAt: { not: null } } })).toBe(7);
  });

  it("exits non-zero with Clerk's reason when the key is refused", async () => {
    const run = await syncClerk({ ...api, secretKey: "sk_test_revoked" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Clerk's Backend API answered with an error: invalid secret key");
  });

  it("exits non-zero on an unknown option", async () => {
    const run = await syncClerk(api, "--dryrun");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("--dryrun");
  });
});

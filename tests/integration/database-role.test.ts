/**
 * The start-up check of the role in DATABASE_URL (server/database-role.ts, server/startup.ts): each
 * kind of role that row-level security does not bind is refused with a message naming the fix, the
 * RLS-bound `app_user` passes, and `app_user` cannot rewrite the append-only audit log.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { findFreePort } from "@/scripts/lib/embedded-postgres";
import { findDatabaseRoleProblems } from "@/server/database-role";
import { createPrismaClient, db } from "@/server/db";
import { withOwnerClient } from "../support/owner-db";

const suffix = randomBytes(4).toString("hex");
const createdRoles: string[] = [];

/** A login role made by `attributes`/`setup`, returned as DATABASE_URL would name it. */
async function roleUrl(name: string, attributes: string, setup?: (role: string) => string): Promise<string> {
  const role = `rolecheck_${name}_${suffix}`;
  const password = randomBytes(12).toString("hex");
  await withOwnerClient(async (client) => {
    await client.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}' ${attributes}`);
    if (setup) await client.query(setup(role));
  });
  createdRoles.push(role);
  const url = new URL(process.env.TEST_OWNER_DATABASE_URL as string);
  url.username = role;
  url.password = password;
  return url.toString();
}

async function problemsOf(databaseUrl: string): Promise<string[]> {
  const client = createPrismaClient(databaseUrl);
  try {
    return await findDatabaseRoleProblems(client);
  } finally {
    await client.$disconnect();
  }
}

/** Runs the server's start-up check in its own process, as `next start` does through instrumentation.ts. */
function startServer(databaseUrl: string, env: Record<string, string> = {}) {
  return promisify(execFile)(
    "node_modules/.bin/tsx",
    [
      "--conditions=react-server",
      "--eval",
      // Exits once checked: the app's connection pool would otherwise keep the process alive.
      'import("./server/startup.ts").then((startup) => startup.checkStartupOrExit()).then(() => process.exit(0))',
    ],
    { encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl, ...env }, timeout: 30_000 },
  );
}

afterAll(async () => {
  await withOwnerClient(async (client) => {
    for (const role of createdRoles) {
      await client.query(`REASSIGN OWNED BY ${role} TO CURRENT_USER`);
      await client.query(`DROP OWNED BY ${role}`);
      await client.query(`DROP ROLE ${role}`);
    }
  });
});

describe("the database role check at start-up", () => {
  it("passes the RLS-bound app_user", async () => {
    expect(await findDatabaseRoleProblems(db)).toEqual([]);
  });

  it("refuses a superuser, naming the fix", async () => {
    const problems = await problemsOf(await roleUrl("super", "SUPERUSER"));
    expect(problems).toEqual([
      expect.stringMatching(/^The role "rolecheck_super_\w+" in DATABASE_URL is a superuser/),
      expect.stringContaining("app_user"),
    ]);
    expect(problems.at(-1)).toContain("docs/database-roles.md");
  });

  it("refuses a role with BYPASSRLS", async () => {
    expect(await problemsOf(await roleUrl("bypass", "BYPASSRLS"))).toEqual([
      expect.stringMatching(/in DATABASE_URL has BYPASSRLS/),
      expect.stringContaining("docs/database-roles.md"),
    ]);
  });

  it("refuses a role that owns the tenant tables", async () => {
    const url = await roleUrl("owner", "", (role) => `ALTER TABLE projects OWNER TO ${role}`);
    expect(await problemsOf(url)).toEqual([
      expect.stringMatching(
        /in DATABASE_URL owns the tenant tables projects, so it can turn their row-level security off/,
      ),
      expect.stringContaining("docs/database-roles.md"),
    ]);
  });

  it("refuses a role that may SET ROLE to a superuser", async () => {
    const admin = new URL(process.env.TEST_OWNER_DATABASE_URL as string).username;
    const url = await roleUrl("member", "", (role) => `GRANT ${admin} TO ${role}`);
    expect(await problemsOf(url)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`is a member of ${admin} \\(superuser or BYPASSRLS\\)`)),
      ]),
    );
  });

  it("stops the server (exit 1) when DATABASE_URL's role is a superuser", async () => {
    const failure = await startServer(process.env.TEST_OWNER_DATABASE_URL as string).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/Refusing to start:[\s\S]*is a superuser[\s\S]*docs\/database-roles\.md/);
  });

  it("stops the server (exit 1) naming a malformed variable, before touching the database", async () => {
    const failure = await startServer(process.env.DATABASE_URL as string, { CLERK_SECRET_KEY: "nope" }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain("CLERK_SECRET_KEY must look like sk_test_");
  });

  it("starts, saying the role was not verified, while the database is unreachable", async () => {
    const { stderr } = await startServer(`postgresql://app:secret@127.0.0.1:${await findFreePort()}/app`);
    expect(stderr).toContain("row-level security settings were not verified");
    expect(stderr).not.toContain("secret");
  });

  it("starts with the RLS-bound app_user", async () => {
    const { stderr } = await startServer(process.env.DATABASE_URL as string);
    expect(stderr).toBe("");
  });
});

describe("the audit log, for the app's role", () => {
  async function asAppRole(sql: string): Promise<unknown> {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  }

  it("refuses UPDATE", async () => {
    await expect(asAppRole("UPDATE audit_events SET action = action")).rejects.toThrow(
      /permission denied for table audit_events/,
    );
  });

  it("refuses DELETE", async () => {
    await expect(asAppRole("DELETE FROM audit_events")).rejects.toThrow(
      /permission denied for table audit_events/,
    );
  });

  it("still allows appending and reading", async () => {
    const { rows } = (await asAppRole(
      "SELECT has_table_privilege('audit_events', 'INSERT') AS append, has_table_privilege('audit_events', 'SELECT') AS read",
    )) as pg.QueryResult;
    expect(rows).toEqual([{ append: true, read: true }]);
  });
});

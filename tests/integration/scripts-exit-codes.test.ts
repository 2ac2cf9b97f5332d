/**
 * `npm run db:*` and `npm run webhook:send` as child processes: they exit 0 on success and non-zero
 * on failure (a deploy pipeline must stop after a failed migration), and the db scripts work against
 * the embedded PostgreSQL that `npm run dev` is running instead of refusing to start another.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { EMBEDDED_DATABASE } from "@/scripts/lib/database-url";
import { findFreePort, type RunningPostgres, startEmbeddedPostgres } from "@/scripts/lib/embedded-postgres";
import { createTemporaryDatabase, dropDatabase, withDatabase } from "@/scripts/lib/schema-engine";
import { runNpmScript, scriptEnv } from "../support/run-script";
import { TEST_SIGNING_SECRET } from "../support/svix-signing";

const adminUrl = process.env.TEST_ADMIN_DATABASE_URL as string;
const createdDatabases: string[] = [];
const cleanups: Array<() => Promise<void>> = [];

afterAll(async () => {
  for (const name of createdDatabases) await dropDatabase(adminUrl, name);
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function emptyDatabase(): Promise<string> {
  const name = await createTemporaryDatabase(adminUrl, "scripts_test");
  createdDatabases.push(name);
  return withDatabase(adminUrl, name);
}

describe("npm run db:status and db:deploy", () => {
  it("db:status exits 1 while migrations are pending", async () => {
    const result = await runNpmScript("db:status", [], scriptEnv({ DATABASE_URL: await emptyDatabase() }));
    expect(result.stdout).toContain("Pending (run deploy or migrate)");
    expect(result.stdout).toContain("✖ Database schema is not up to date");
    expect(result.code).toBe(1);
  });

  it("db:deploy applies them and exits 0, after which db:status exits 0", async () => {
    const env = scriptEnv({ DATABASE_URL: await emptyDatabase() });
    const deploy = await runNpmScript("db:deploy", [], env);
    expect(deploy.stdout).toMatch(/✔ Applied \d+ migrations/);
    expect(deploy.code).toBe(0);
    const status = await runNpmScript("db:status", [], env);
    expect(status.stdout).toContain("✔ Database schema is up to date");
    expect(status.code).toBe(0);
  });

  it("db:deploy exits 1 when the server is unreachable", async () => {
    const port = await findFreePort();
    const result = await runNpmScript(
      "db:deploy",
      [],
      scriptEnv({ DATABASE_URL: `postgresql://owner:secret@127.0.0.1:${port}/app` }),
    );
    expect(result.stderr).toContain(`✖ Can't reach the PostgreSQL server at 127.0.0.1:${port}`);
    expect(result.code).toBe(1);
  });

  it("db:reset without --force exits 1, an unknown command 2", async () => {
    const env = scriptEnv({ DATABASE_URL: await emptyDatabase() });
    expect((await runNpmScript("db:reset", [], env)).code).toBe(1);
    expect((await runNpmScript("db:deploy", ["--bogus"], env)).code).toBe(2);
  });
});

describe("db scripts while npm run dev runs the embedded PostgreSQL", () => {
  it("connect to the running server, succeed, and leave it running", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "scripts-test-pg-"));
    const port = await findFreePort();
    // Started the way `npm run dev` starts it: a persistent data directory, the `app` database.
    const server: RunningPostgres = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "postgres"),
      port,
      database: EMBEDDED_DATABASE,
      persistent: true,
    });
    cleanups.push(async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });
    const env = scriptEnv({
      EMBEDDED_POSTGRES_DIR: path.join(dataDir, "postgres"),
      EMBEDDED_POSTGRES_PORT: String(port),
    });

    const deploy = await runNpmScript("db:deploy", [], env);
    expect(deploy.stderr).not.toContain("already running");
    expect(deploy.stdout).toContain(`▸ Database localhost:${port}/app`);
    expect(deploy.code).toBe(0);
    const status = await runNpmScript("db:status", [], env);
    expect(status.code).toBe(0);

    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      const { rows } = await client.query("SELECT count(*)::int AS applied FROM _prisma_migrations");
      expect(rows[0].applied).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  });
});

describe("npm run webhook:send", () => {
  async function answering(status: number): Promise<string> {
    const server: Server = createServer((_, response) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: { code: "bad_request", message: "refused" } }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/clerk`;
  }

  it("exits 1 when the app refuses the delivery", async () => {
    const env = scriptEnv({
      CLERK_WEBHOOK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      WEBHOOK_URL: await answering(400),
    });
    const result = await runNpmScript("webhook:send", ["user.created"], env);
    expect(result.stdout).toContain("← 400");
    expect(result.code).toBe(1);
  });

  it("exits 1 when the app is not running", async () => {
    const url = `http://127.0.0.1:${await findFreePort()}/api/webhooks/clerk`;
    const env = scriptEnv({ CLERK_WEBHOOK_SIGNING_SECRET: TEST_SIGNING_SECRET, WEBHOOK_URL: url });
    const result = await runNpmScript("webhook:send", ["user.created"], env);
    expect(result.stderr).toContain("Is `npm run dev` running?");
    expect(result.code).toBe(1);
  });
});

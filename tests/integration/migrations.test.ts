/**
 * The migration tooling (scripts/lib/migrations.ts) against a real PostgreSQL server: the committed
 * migrations apply and are recorded as the Prisma CLI records them, status and drift are reported,
 * and schema.prisma cannot drift from prisma/migrations unnoticed.
 *
 * Needs TEST_ADMIN_DATABASE_URL: a superuser URL of a throwaway server. Every database used here is
 * created by this file under a unique name and dropped afterwards.
 */
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import {
  createMigration,
  deployMigrations,
  migrationStatus,
  schemaDiffFromMigrations,
} from "../../scripts/lib/migrations";
import { createTemporaryDatabase, dropDatabase, withDatabase } from "../../scripts/lib/schema-engine";

const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma", "migrations");
const SCHEMA_PATH = path.join(PROJECT_ROOT, "prisma", "schema.prisma");

const createdDatabases: string[] = [];
const tempDirs: string[] = [];

function adminUrl(): string {
  const url = process.env.TEST_ADMIN_DATABASE_URL;
  if (!url)
    throw new Error("TEST_ADMIN_DATABASE_URL must point at a throwaway PostgreSQL server (superuser)");
  return url;
}

async function freshDatabase(): Promise<string> {
  const name = await createTemporaryDatabase(adminUrl(), "migrations_test");
  createdDatabases.push(name);
  return withDatabase(adminUrl(), name);
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "migrations-test-"));
  tempDirs.push(dir);
  return dir;
}

/** A copy of the committed migrations that a test may add to. */
async function copyOfMigrations(): Promise<string> {
  const dir = path.join(await tempDir(), "migrations");
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

/** schema.prisma with a `nickname` column added to `users`, written to a temp file. */
async function schemaWithNickname(): Promise<string> {
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const changed = schema.replace(
    '  @@map("users")',
    '  nickname String? @map("nickname")\n\n  @@map("users")',
  );
  expect(changed).not.toBe(schema);
  const schemaPath = path.join(await tempDir(), "schema.prisma");
  await writeFile(schemaPath, changed);
  return schemaPath;
}

async function committedMigrationNames(): Promise<string[]> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

async function query<Row extends pg.QueryResultRow>(databaseUrl: string, sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  for (const name of createdDatabases) await dropDatabase(adminUrl(), name);
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

describe("database migrations", () => {
  it("applies every committed migration to an empty database and records them in _prisma_migrations", async () => {
    const databaseUrl = await freshDatabase();
    const committed = await committedMigrationNames();
    expect(committed.length).toBeGreaterThan(0);

    expect(await deployMigrations(databaseUrl)).toEqual(committed);

    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished: boolean;
      rolled_back: boolean;
    }>(
      databaseUrl,
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
         FROM _prisma_migrations ORDER BY migration_name`,
    );
    // The checksum is how `prisma migrate` recognises an applied migration: SHA-256 of migration.sql.
    const expected = await Promise.all(
      committed.map(async (name) => ({
        migration_name: name,
        checksum: createHash("sha256")
          .update(await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql")))
          .digest("hex"),
        finished: true,
        rolled_back: false,
      })),
    );
    expect(rows).toEqual(expected);

    const tables = await query<{ table_name: string }>(
      databaseUrl,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(tables.map((row) => row.table_name)).toEqual(
      expect.arrayContaining([
        "_prisma_migrations",
        "memberships",
        "organizations",
        "users",
        "webhook_events",
      ]),
    );
    expect(await deployMigrations(databaseUrl)).toEqual([]);
  });

  it("reports no pending migrations after deploy and one after a new migration file appears", async () => {
    const databaseUrl = await freshDatabase();
    const migrationsDir = await copyOfMigrations();
    await deployMigrations(databaseUrl, { migrationsDir });

    const afterDeploy = await migrationStatus(databaseUrl, { migrationsDir });
    expect(afterDeploy).toMatchObject({
      pending: [],
      failed: [],
      edited: [],
      missingFromDirectory: [],
      drift: null,
    });
    expect(afterDeploy.applied).toEqual(await committedMigrationNames());

    const added = "99991231235959_add_audit_log";
    await mkdir(path.join(migrationsDir, added));
    await writeFile(
      path.join(migrationsDir, added, "migration.sql"),
      'CREATE TABLE "audit_log" ("id" SERIAL PRIMARY KEY, "note" TEXT NOT NULL);\n',
    );
    const withNewFile = await migrationStatus(databaseUrl, { migrationsDir });
    expect(withNewFile.pending).toEqual([added]);
    expect(withNewFile.drift).toBeNull();
  });

  it("schema.prisma and the committed migrations are in sync", async () => {
    // If this fails, schema.prisma changed without a migration: run `npm run db:migrate -- --name <change>`.
    expect(await schemaDiffFromMigrations(adminUrl())).toBe("");
  });

  it("a schema change without a migration is detected as drift", async () => {
    const schemaPath = await schemaWithNickname();
    const diff = await schemaDiffFromMigrations(adminUrl(), { schemaPath });
    expect(diff).toMatch(/ALTER TABLE "users" ADD COLUMN\s+"nickname" TEXT/);
  });

  it("createMigration works on a database that was never migrated (a fresh dev database)", async () => {
    const databaseUrl = await freshDatabase();
    const migrationsDir = await copyOfMigrations();
    const schemaPath = await schemaWithNickname();

    const created = await createMigration(databaseUrl, "Add user nickname", {
      migrationsDir,
      schemaPath,
      createOnly: true,
    });

    expect(created).toMatch(/^\d{14}_add_user_nickname$/);
    const sql = await readFile(path.join(migrationsDir, String(created), "migration.sql"), "utf8");
    expect(sql).toContain('"nickname" TEXT');
  });

  it("createMigration writes and applies a migration for a schema change", async () => {
    const databaseUrl = await freshDatabase();
    const migrationsDir = await copyOfMigrations();
    const schemaPath = await schemaWithNickname();
    await deployMigrations(databaseUrl, { migrationsDir });

    const created = await createMigration(databaseUrl, "Add user nickname", { migrationsDir, schemaPath });

    expect(created).toMatch(/^\d{14}_add_user_nickname$/);
    const sql = await readFile(path.join(migrationsDir, String(created), "migration.sql"), "utf8");
    expect(sql).toContain('"nickname" TEXT');
    const status = await migrationStatus(databaseUrl, { migrationsDir, schemaPath });
    expect(status).toMatchObject({ pending: [], failed: [], drift: null });
    expect(status.applied).toContain(created);
    const columns = await query<{ column_name: string }>(
      databaseUrl,
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'nickname'",
    );
    expect(columns).toHaveLength(1);
    // The new history now matches the changed schema: nothing more to create.
    expect(await createMigration(databaseUrl, "again", { migrationsDir, schemaPath })).toBeNull();
    expect(await schemaDiffFromMigrations(adminUrl(), { migrationsDir, schemaPath })).toBe("");
  });
});

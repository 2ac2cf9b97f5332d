/**
 * Gives the test file its own database, cloned from the migrated template, and points
 * DATABASE_URL at it — as the app's RLS-bound role, like production — before the app's Prisma client
 * is first used (server/db.ts builds it then). TEST_OWNER_DATABASE_URL reaches the same database as
 * the superuser, for fixtures and assertions that must see past row-level security.
 */
import { afterAll, inject } from "vitest";
import { databaseUrl, uniqueDatabaseName, withAdminClient } from "./test-database";

const { adminUrl, appRoleUrl, templateDatabase } = inject("testDatabase");
const database = uniqueDatabaseName("test");

await withAdminClient(adminUrl, (client) =>
  client.query(`CREATE DATABASE "${database}" TEMPLATE "${templateDatabase}"`),
);
process.env.DATABASE_URL = databaseUrl(appRoleUrl, database);
process.env.TEST_OWNER_DATABASE_URL = databaseUrl(adminUrl, database);
process.env.TEST_ADMIN_DATABASE_URL = adminUrl;
// Rate limits off, so tests may call as often as they like; `./rate-limits-on.ts` turns them on.
process.env.RATE_LIMIT_ENABLED = "false";

afterAll(async () => {
  // FORCE ends the file's own pooled connections, which Prisma keeps open until the worker exits.
  await withAdminClient(adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`),
  );
});

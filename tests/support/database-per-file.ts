/**
 * Gives the test file its own database, cloned from the migrated template, and points
 * DATABASE_URL at it before any app module (and so the Prisma client) is imported.
 */
import { afterAll, inject } from "vitest";
import { databaseUrl, uniqueDatabaseName, withAdminClient } from "./test-database";

const { adminUrl, templateDatabase } = inject("testDatabase");
const database = uniqueDatabaseName("test");

await withAdminClient(adminUrl, (client) =>
  client.query(`CREATE DATABASE "${database}" TEMPLATE "${templateDatabase}"`),
);
process.env.DATABASE_URL = databaseUrl(adminUrl, database);
process.env.TEST_ADMIN_DATABASE_URL = adminUrl;

afterAll(async () => {
  // FORCE ends the file's own pooled connections, which Prisma keeps open until the worker exits.
  await withAdminClient(adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`),
  );
});

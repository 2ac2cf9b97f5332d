/**
 * Puts PgBouncer in transaction mode between the app's role and the integration tests' PostgreSQL
 * (started by tests/support/postgres-global-setup.ts, which runs first): every test file of the
 * "pooled" project then reaches its own database through the pooler, as an app behind a managed
 * Postgres service's pooler would. Fixtures and assertions keep the direct owner connection.
 */
import type { TestProject } from "vitest/node";
import { startPgBouncer } from "../support/pgbouncer";

export default async function setup(project: TestProject) {
  const testDatabase = project.getProvidedContext().testDatabase;
  const pgbouncer = await startPgBouncer({
    serverUrl: testDatabase.appRoleUrl,
    roleUrls: [testDatabase.appRoleUrl],
    log: (line) => console.log(`[pooled] ${line}`),
  });
  project.provide("testDatabase", {
    ...testDatabase,
    appRoleUrl: pgbouncer.pooledUrl(testDatabase.appRoleUrl),
  });
  return () => pgbouncer.stop();
}

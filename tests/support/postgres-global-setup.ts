/**
 * Starts one throwaway PostgreSQL for the integration run (or uses TEST_DATABASE_URL's server) and
 * builds a template database with `npm run db:deploy` (in a child process), as the superuser;
 * the app's code then connects as the RLS-bound `app_user`, as in production.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { enableLocalAppRole } from "../../scripts/lib/app-role";
import {
  findFreePort,
  type RunningPostgres,
  startEmbeddedPostgres,
} from "../../scripts/lib/embedded-postgres";
import { deployMigrationsInChildProcess } from "./deploy-migrations";
import { databaseUrl, uniqueDatabaseName, withAdminClient } from "./test-database";

export default async function setup(project: TestProject) {
  let server: RunningPostgres | undefined;
  let dataDir: string | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    dataDir = mkdtempSync(path.join(tmpdir(), "starter-test-pg-"));
    server = await startEmbeddedPostgres({
      dataDir,
      port: await findFreePort(),
      database: "postgres",
      persistent: false,
    });
    adminUrl = server.adminUrl;
  }

  const templateDatabase = uniqueDatabaseName("template");
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE "${templateDatabase}"`));
  await deployMigrationsInChildProcess(databaseUrl(adminUrl, templateDatabase));
  // The app's role, bound by row-level security: what DATABASE_URL connects as in every test file.
  const appRoleUrl = await enableLocalAppRole(adminUrl);

  project.provide("testDatabase", { adminUrl, appRoleUrl, templateDatabase });

  return async () => {
    if (server) {
      await server.stop();
    } else {
      await withAdminClient(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS "${templateDatabase}" WITH (FORCE)`),
      );
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}

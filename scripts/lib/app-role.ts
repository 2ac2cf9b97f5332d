/**
 * The application's database role. Migrations run as the tables' owner; the app connects as
 * `app_user` (created by the `*_app_role` migration), which row-level security binds. On a local
 * throwaway server (`npm run dev`'s embedded PostgreSQL, the tests, the benchmark) the owner gives it
 * a fresh password on every start; on a managed server a person does that once (docs/database-roles.md).
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

export const APP_ROLE = "app_user";

/** Lets `app_user` log in with a new random password; returns `ownerUrl` rewritten to log in as it. */
export async function enableLocalAppRole(ownerUrl: string): Promise<string> {
  const password = randomBytes(18).toString("base64url");
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(`ALTER ROLE ${APP_ROLE} WITH LOGIN PASSWORD '${password}'`);
  } finally {
    await client.end();
  }
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = password;
  return url.toString();
}

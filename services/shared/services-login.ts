/**
 * A login for the services on a database the app already uses: a role in the RLS-bound `app_user`
 * with a fresh password. Its own login, so the running app's `app_user` password is left alone.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { APP_ROLE } from "../../scripts/lib/app-role";

/** Creates (or re-passwords) `login` as a member of `app_user`; returns `ownerUrl` rewritten to log in as it. */
export async function servicesLoginUrl(ownerUrl: string, login: string): Promise<string> {
  const password = randomBytes(18).toString("base64url");
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [login]);
    await client.query(`${rowCount ? "ALTER" : "CREATE"} ROLE ${login} WITH LOGIN PASSWORD '${password}'`);
    await client.query(`GRANT ${APP_ROLE} TO ${login}`);
  } finally {
    await client.end();
  }
  const url = new URL(ownerUrl);
  url.username = login;
  url.password = password;
  return url.toString();
}

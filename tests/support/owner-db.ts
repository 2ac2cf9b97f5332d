/**
 * The test file's database as its superuser (TEST_OWNER_DATABASE_URL): for assertions that must see
 * every organization's rows, past row-level security — never for the code under test.
 */
import pg from "pg";

export async function withOwnerClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = process.env.TEST_OWNER_DATABASE_URL;
  if (!url) throw new Error("TEST_OWNER_DATABASE_URL is set by tests/support/database-per-file.ts");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Every tenant row of every organization, as one comparable value: "nothing changed" is equality. */
export function tenantSnapshot(): Promise<unknown> {
  return withOwnerClient(async (client) => {
    const rows = async (sql: string) => (await client.query(sql)).rows;
    return {
      projects: await rows("SELECT * FROM projects ORDER BY id"),
      tasks: await rows("SELECT * FROM tasks ORDER BY id"),
      auditEvents: await rows("SELECT * FROM audit_events ORDER BY id"),
      organizations: await rows("SELECT id, clerk_id, deleted_at FROM organizations ORDER BY id"),
    };
  });
}

export async function organizationIdOf(clerkOrgId: string): Promise<string> {
  return withOwnerClient(async (client) => {
    const { rows } = await client.query("SELECT id FROM organizations WHERE clerk_id = $1", [clerkOrgId]);
    if (!rows[0]) throw new Error(`no organization row for ${clerkOrgId}`);
    return rows[0].id as string;
  });
}

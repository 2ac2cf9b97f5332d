/** Reads the synced tables over plain `pg` (bench code stays outside `server/`), in the tests' comparable form. */
import pg from "pg";
import { type SyncedTables, sortTables } from "../../tests/support/clerk-history";

export async function withClient<T>(databaseUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export function clearTables(databaseUrl: string): Promise<void> {
  return withClient(databaseUrl, async (client) => {
    // CASCADE: the product's tenant tables (projects, tasks, audit events) reference organizations.
    await client.query("TRUNCATE memberships, users, organizations, webhook_events CASCADE");
  });
}

const ms = (value: Date | null) => value?.getTime() ?? null;

export function readTables(databaseUrl: string): Promise<SyncedTables> {
  return withClient(databaseUrl, async (client) => {
    const users = await client.query(
      "SELECT clerk_id, email, first_name, last_name, image_url, clerk_updated_at, deleted_at FROM users",
    );
    const organizations = await client.query(
      "SELECT clerk_id, name, slug, image_url, clerk_updated_at, deleted_at FROM organizations",
    );
    const memberships = await client.query(
      `SELECT m.clerk_id, o.clerk_id AS organization, u.clerk_id AS "user", m.role, m.clerk_updated_at, m.deleted_at
         FROM memberships m JOIN users u ON u.id = m.user_id JOIN organizations o ON o.id = m.organization_id`,
    );
    return sortTables({
      users: users.rows.map((row) => ({
        clerkId: row.clerk_id,
        email: row.email,
        firstName: row.first_name,
        lastName: row.last_name,
        imageUrl: row.image_url,
        clerkUpdatedAt: ms(row.clerk_updated_at),
        deleted: row.deleted_at !== null,
      })),
      organizations: organizations.rows.map((row) => ({
        clerkId: row.clerk_id,
        name: row.name,
        slug: row.slug,
        imageUrl: row.image_url,
        clerkUpdatedAt: ms(row.clerk_updated_at),
        deleted: row.deleted_at !== null,
      })),
      memberships: memberships.rows.map((row) => ({
        clerkId: row.clerk_id,
        organization: row.organization,
        user: row.user,
        role: row.role,
        clerkUpdatedAt: ms(row.clerk_updated_at),
        deleted: row.deleted_at !== null,
      })),
    });
  });
}

export function countLedgerRows(databaseUrl: string): Promise<number> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ count: string }>("SELECT count(*) FROM webhook_events");
    return Number(rows[0]?.count ?? 0);
  });
}

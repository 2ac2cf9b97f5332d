import pg from "pg";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { type SyncedTables, sortTables } from "./clerk-history";

export async function withClient<T>(databaseUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const ms = (value: Date | null) => value?.getTime() ?? null;

/**
 * The synced tables in a comparable form: Clerk ids instead of row ids, timestamps as ms. Plain `pg`,
 * so the benchmark (outside `server/`) and the tests read them the same way.
 */
export function readSyncedTables(databaseUrl: string): Promise<SyncedTables> {
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

/** Empties the synced tables and the ledger between runs of a property test (cheaper than a new database). */
export async function clearSyncedTables(db: PrismaClient): Promise<void> {
  await db.$transaction([
    db.membership.deleteMany(),
    db.user.deleteMany(),
    db.organization.deleteMany(),
    db.webhookEvent.deleteMany(),
  ]);
}

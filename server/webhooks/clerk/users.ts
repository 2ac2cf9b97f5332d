import "server-only";
import { v7 as uuidv7 } from "uuid";
import {
  type Change,
  changeOf,
  exclusive,
  lockObjects,
  type MembershipChange,
  type ObjectLock,
  type Tx,
} from "./changes";
import { endMemberships } from "./memberships";
import type { UserSnapshot } from "./payloads";

/** What every user event locks: the user (membership events lock it too). */
export const userLocks = ({ clerkId }: { clerkId: string }): ObjectLock[] => [exclusive(clerkId)];

/**
 * `user.created` / `user.updated`, and each user the reconcile pulls from Clerk: the row takes the
 * snapshot if it is newer than what the row reflects. A tombstone never comes back to life.
 * One statement decides and writes (the newer-wins rule is the upsert's condition), where a read and
 * a write would cost two round trips; user events are a fifth of a busy instance's deliveries.
 */
export async function applyUserSnapshot(tx: Tx, user: UserSnapshot): Promise<Change[]> {
  await lockObjects(tx, ...userLocks(user));
  const now = new Date();
  // `xmax = 0` holds for a row this statement inserted, not for one it updated; no row comes back
  // when the condition kept the stored row (older or equal version, or a tombstone).
  const [written] = await tx.$queryRaw<Array<{ inserted: boolean }>>`
    INSERT INTO users AS u
      (id, clerk_id, email, first_name, last_name, image_url, clerk_updated_at, updated_at)
    VALUES (${uuidv7()}::uuid, ${user.clerkId}, ${user.email}, ${user.firstName}, ${user.lastName},
            ${user.imageUrl}, ${user.clerkUpdatedAt}, ${now})
    ON CONFLICT (clerk_id) DO UPDATE
      SET email = excluded.email, first_name = excluded.first_name, last_name = excluded.last_name,
          image_url = excluded.image_url, clerk_updated_at = excluded.clerk_updated_at,
          updated_at = excluded.updated_at
      WHERE u.deleted_at IS NULL
        AND (u.clerk_updated_at IS NULL OR u.clerk_updated_at < excluded.clerk_updated_at)
    RETURNING (u.xmax = 0) AS inserted`;
  const change = !written ? "unchanged" : written.inserted ? "created" : "updated";
  return [changeOf("user", user.clerkId, change)];
}

/**
 * `user.deleted`: the user's memberships end and their personal data goes; the row stays as a
 * tombstone (Clerk id and `deletedAt` only) so foreign keys hold and a late `user.updated` or
 * `user.created` cannot bring the person back. A deletion of a user we never saw leaves a tombstone too.
 */
export async function applyUserDeletion(
  tx: Tx,
  { clerkId }: { clerkId: string },
): Promise<Array<Change | MembershipChange>> {
  await lockObjects(tx, ...userLocks({ clerkId }));
  const erased = { email: null, firstName: null, lastName: null, imageUrl: null, clerkUpdatedAt: null };
  const row = await tx.user.findUnique({ where: { clerkId }, select: { id: true, deletedAt: true } });
  if (!row) {
    await tx.user.create({ data: { clerkId, ...erased, deletedAt: new Date() } });
    return [changeOf("user", clerkId, "tombstoned")];
  }
  if (row.deletedAt) return [changeOf("user", clerkId, "unchanged")];
  // `clerkUpdatedAt` goes too: the tombstone must look the same whichever user events came before it.
  await tx.user.update({ where: { id: row.id }, data: { ...erased, deletedAt: new Date() } });
  return [changeOf("user", clerkId, "tombstoned"), ...(await endMemberships(tx, { userId: row.id }))];
}

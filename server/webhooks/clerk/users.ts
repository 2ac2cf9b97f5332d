import "server-only";
import {
  type Change,
  changeOf,
  exclusive,
  isNewer,
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
 */
export async function applyUserSnapshot(tx: Tx, user: UserSnapshot): Promise<Change[]> {
  await lockObjects(tx, ...userLocks(user));
  const row = await tx.user.findUnique({
    where: { clerkId: user.clerkId },
    select: { clerkUpdatedAt: true, deletedAt: true },
  });
  if (!row) {
    await tx.user.create({ data: user });
    return [changeOf("user", user.clerkId, "created")];
  }
  if (row.deletedAt || !isNewer(user.clerkUpdatedAt, row.clerkUpdatedAt)) {
    return [changeOf("user", user.clerkId, "unchanged")];
  }
  await tx.user.update({ where: { clerkId: user.clerkId }, data: user });
  return [changeOf("user", user.clerkId, "updated")];
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

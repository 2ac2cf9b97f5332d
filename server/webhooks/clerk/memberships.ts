import "server-only";
import {
  type Change,
  exclusive,
  isNewer,
  lockObjects,
  type MembershipChange,
  type ObjectLock,
  shared,
  type Tx,
} from "./changes";
import type { MembershipSnapshot } from "./payloads";
import { ensureOrganization, ensureUser, type ParentRow } from "./placeholders";

/**
 * What a membership event locks. Exclusive on the user: at most one live membership per
 * (organization, user) is decided under it. Shared on the organization: its other memberships proceed
 * in parallel, its deletion waits.
 */
export const membershipLocks = (membership: {
  user: { clerkId: string };
  organization: { clerkId: string };
}): ObjectLock[] => [exclusive(membership.user.clerkId), shared(membership.organization.clerkId)];

/**
 * `organizationMembership.created|updated|deleted`, and each membership the reconcile pulls from Clerk.
 *
 * Runs inside the delivery's transaction and returns what changed (ids, role before and after), so a
 * product can extend it, e.g. write an audit-log row with the same `tx`.
 *
 * Order safety:
 * - role and `clerkUpdatedAt` follow the newest version seen, whether the membership is live or ended;
 * - a membership ends (`deletedAt`) for good when it is deleted, when its user or organization is
 *   deleted, or when a newer membership of the same user in the same organization exists (Clerk
 *   allows one, so the older one must have been removed; its own `deleted` event may still be on the way).
 */
export async function applyMembershipSnapshot(
  tx: Tx,
  membership: MembershipSnapshot,
  { deleted }: { deleted: boolean },
): Promise<Array<Change | MembershipChange>> {
  await lockObjects(tx, ...membershipLocks(membership));
  const state = await readMembershipState(tx, membership);
  const changes: Array<Change | MembershipChange> = [];
  const user = await ensureUser(tx, membership.user, state.user, changes);
  const organization = await ensureOrganization(tx, membership.organization, state.organization, changes);
  const parents = { organizationId: organization.id, userId: user.id, userClerkId: membership.user.clerkId };
  const ends = deleted || user.deletedAt !== null || organization.deletedAt !== null;

  const row = state.membership;
  if (!row) {
    const live = !ends && (await outranksLiveRival(tx, membership, state.rival, parents, changes));
    await tx.membership.create({
      data: {
        clerkId: membership.clerkId,
        organizationId: parents.organizationId,
        userId: parents.userId,
        role: membership.role,
        clerkUpdatedAt: membership.clerkUpdatedAt,
        deletedAt: live ? null : new Date(),
      },
    });
    changes.push(membershipChange(membership, parents, live ? "created" : "tombstoned", null, live));
    return changes;
  }

  const newer = isNewer(membership.clerkUpdatedAt, row.clerkUpdatedAt);
  const endsNow = ends && row.deletedAt === null;
  if (!newer && !endsNow) {
    const current = { clerkId: membership.clerkId, role: row.role };
    changes.push(membershipChange(current, parents, "unchanged", row.role, row.deletedAt === null));
    return changes;
  }
  await tx.membership.update({
    where: { id: row.id },
    data: {
      ...(newer ? { role: membership.role, clerkUpdatedAt: membership.clerkUpdatedAt } : {}),
      ...(endsNow ? { deletedAt: new Date() } : {}),
    },
  });
  const role = newer ? membership.role : row.role;
  changes.push(
    membershipChange(
      { clerkId: membership.clerkId, role },
      parents,
      endsNow ? "tombstoned" : "updated",
      row.role,
      !endsNow && row.deletedAt === null,
    ),
  );
  return changes;
}

/**
 * Whether a new membership may be live next to the one the same user already holds in the same
 * organization: the newer of the two wins and the other ends (ties broken by id so every delivery
 * order decides alike).
 */
async function outranksLiveRival(
  tx: Tx,
  membership: MembershipSnapshot,
  rival: MembershipState["rival"],
  parents: Parents,
  changes: Array<Change | MembershipChange>,
): Promise<boolean> {
  if (!rival) return true;
  const rivalIsOlder =
    isNewer(membership.clerkUpdatedAt, rival.clerkUpdatedAt) ||
    (rival.clerkUpdatedAt?.getTime() === membership.clerkUpdatedAt.getTime() &&
      rival.clerkId < membership.clerkId);
  if (!rivalIsOlder) return false;
  await tx.membership.update({ where: { id: rival.id }, data: { deletedAt: new Date() } });
  changes.push(membershipChange(rival, parents, "tombstoned", rival.role, false));
  return true;
}

/** Ends every live membership of a deleted user or organization; returns one change per membership. */
export async function endMemberships(
  tx: Tx,
  of: { userId: string } | { organizationId: string },
): Promise<MembershipChange[]> {
  const live = await tx.membership.findMany({
    where: { ...of, deletedAt: null },
    select: {
      id: true,
      clerkId: true,
      role: true,
      organizationId: true,
      userId: true,
      user: { select: { clerkId: true } },
    },
  });
  if (live.length === 0) return [];
  await tx.membership.updateMany({
    where: { id: { in: live.map((membership) => membership.id) }, deletedAt: null },
    data: { deletedAt: new Date() },
  });
  return live.map((membership) =>
    membershipChange(
      membership,
      { ...membership, userClerkId: membership.user.clerkId },
      "tombstoned",
      membership.role,
      false,
    ),
  );
}

/** The rows a membership belongs to, and its user's Clerk id. */
interface Parents {
  organizationId: string;
  userId: string;
  userClerkId: string;
}

function membershipChange(
  membership: { clerkId: string; role: string },
  parents: Parents,
  change: MembershipChange["change"],
  previousRole: string | null,
  live: boolean,
): MembershipChange {
  return {
    object: "membership",
    clerkId: membership.clerkId,
    change,
    organizationId: parents.organizationId,
    userId: parents.userId,
    userClerkId: parents.userClerkId,
    role: membership.role,
    previousRole,
    live,
  };
}

/**
 * Ends a membership that Clerk no longer has although no deletion event reached us (the reconcile's
 * case). Same locks as a membership event, so it cannot interleave with one.
 */
export async function endMissingMembership(tx: Tx, clerkId: string): Promise<MembershipChange[]> {
  const found = await tx.membership.findUnique({
    where: { clerkId },
    select: { user: { select: { clerkId: true } }, organization: { select: { clerkId: true } } },
  });
  if (!found) return [];
  await lockObjects(tx, ...membershipLocks(found));
  const row = await tx.membership.findUniqueOrThrow({
    where: { clerkId },
    select: { id: true, clerkId: true, role: true, organizationId: true, userId: true, deletedAt: true },
  });
  if (row.deletedAt) return [];
  await tx.membership.update({ where: { id: row.id }, data: { deletedAt: new Date() } });
  return [membershipChange(row, { ...row, userClerkId: found.user.clerkId }, "tombstoned", row.role, false)];
}

interface MembershipState {
  user: ParentRow | null;
  organization: ParentRow | null;
  membership: { id: string; role: string; clerkUpdatedAt: Date | null; deletedAt: Date | null } | null;
  /** The live membership the same user already holds in the same organization under another id. */
  rival: { id: string; clerkId: string; role: string; clerkUpdatedAt: Date | null } | null;
}

interface StateRow {
  user_id: string | null;
  user_deleted_at: Date | null;
  organization_id: string | null;
  organization_deleted_at: Date | null;
  membership_id: string | null;
  membership_role: string | null;
  membership_clerk_updated_at: Date | null;
  membership_deleted_at: Date | null;
  rival_id: string | null;
  rival_clerk_id: string | null;
  rival_role: string | null;
  rival_clerk_updated_at: Date | null;
}

/**
 * Everything a membership event decides on, read in one round trip (under the caller's locks): the
 * user, the organization, the membership and a live rival. Memberships are the most frequent events,
 * and on a busy database each round trip costs more than the query itself.
 */
async function readMembershipState(tx: Tx, snapshot: MembershipSnapshot): Promise<MembershipState> {
  const [row] = await tx.$queryRaw<StateRow[]>`
    SELECT u.id::text AS user_id, u.deleted_at AS user_deleted_at,
           o.id::text AS organization_id, o.deleted_at AS organization_deleted_at,
           m.id::text AS membership_id, m.role AS membership_role,
           m.clerk_updated_at AS membership_clerk_updated_at, m.deleted_at AS membership_deleted_at,
           r.id::text AS rival_id, r.clerk_id AS rival_clerk_id, r.role AS rival_role,
           r.clerk_updated_at AS rival_clerk_updated_at
      FROM (SELECT 1) AS one
      LEFT JOIN users u ON u.clerk_id = ${snapshot.user.clerkId}
      LEFT JOIN organizations o ON o.clerk_id = ${snapshot.organization.clerkId}
      LEFT JOIN memberships m ON m.clerk_id = ${snapshot.clerkId}
      LEFT JOIN memberships r ON r.user_id = u.id AND r.organization_id = o.id
                             AND r.deleted_at IS NULL AND r.clerk_id <> ${snapshot.clerkId}`;
  if (!row) throw new Error("membership state query returned no row");
  return {
    user: row.user_id ? { id: row.user_id, deletedAt: row.user_deleted_at } : null,
    organization: row.organization_id
      ? { id: row.organization_id, deletedAt: row.organization_deleted_at }
      : null,
    membership: row.membership_id
      ? {
          id: row.membership_id,
          role: row.membership_role as string,
          clerkUpdatedAt: row.membership_clerk_updated_at,
          deletedAt: row.membership_deleted_at,
        }
      : null,
    rival:
      row.rival_id && row.rival_clerk_id && row.rival_role
        ? {
            id: row.rival_id,
            clerkId: row.rival_clerk_id,
            role: row.rival_role,
            clerkUpdatedAt: row.rival_clerk_updated_at,
          }
        : null,
  };
}

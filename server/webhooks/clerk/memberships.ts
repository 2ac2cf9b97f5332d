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
import { type MembershipState, readMembershipState } from "./membership-state";
import type { MembershipSnapshot } from "./payloads";
import { ensureOrganization, ensureUser } from "./placeholders";

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

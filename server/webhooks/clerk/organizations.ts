import "server-only";
import {
  type Change,
  changeOf,
  exclusive,
  isNewer,
  lockObjects,
  type MembershipChange,
  type ObjectLock,
  slugLock,
  type Tx,
} from "./changes";
import { endMemberships } from "./memberships";
import type { OrganizationSnapshot } from "./payloads";

/** What an organization event locks: the organization, and the slug its snapshot claims. */
export const organizationLocks = (organization: { clerkId: string; slug?: string | null }): ObjectLock[] => [
  exclusive(organization.clerkId),
  ...(organization.slug ? [slugLock(organization.slug)] : []),
];

/**
 * `organization.created` / `organization.updated`, and each organization the reconcile pulls from
 * Clerk: the row takes the snapshot if it is newer. A deleted organization stays deleted; its name
 * still follows the newest version (it is not personal data, and the admin views show it), its slug
 * stays free.
 */
export async function applyOrganizationSnapshot(
  tx: Tx,
  organization: OrganizationSnapshot,
): Promise<Change[]> {
  const { clerkId } = organization;
  await lockObjects(tx, ...organizationLocks(organization));
  const { row, slugHolder } = await readOrganizationState(tx, organization);
  if (row && !isNewer(organization.clerkUpdatedAt, row.clerkUpdatedAt)) {
    return [changeOf("organization", clerkId, "unchanged")];
  }
  const changes: Change[] = [];
  const slug = row?.deletedAt ? null : await claimSlug(tx, organization, slugHolder, changes);
  const data = { ...organization, slug };
  if (row) {
    await tx.organization.update({ where: { clerkId }, data });
  } else {
    await tx.organization.create({ data });
  }
  changes.unshift(changeOf("organization", clerkId, row ? "updated" : "created"));
  return changes;
}

/**
 * Slugs are unique among live organizations, but events arrive out of order: a new organization may
 * bring the slug another one gave up in an event we have not received yet. The newer version holds
 * the slug; the other row goes without one until its own newer event arrives (Clerk's uniqueness
 * guarantees that event exists). The caller holds the slug's lock.
 */
async function claimSlug(
  tx: Tx,
  organization: OrganizationSnapshot,
  holder: SlugHolder | null,
  changes: Change[],
): Promise<string | null> {
  if (!organization.slug) return null;
  if (!holder) return organization.slug;
  const holderIsOlder =
    isNewer(organization.clerkUpdatedAt, holder.clerkUpdatedAt) ||
    (holder.clerkUpdatedAt?.getTime() === organization.clerkUpdatedAt.getTime() &&
      holder.clerkId < organization.clerkId);
  if (!holderIsOlder) return null;
  // Conditional on the slug: the holder's own newer event may be committing a new slug right now
  // (it locks its row and the new slug, not this one). Postgres re-checks the condition once that
  // commit releases the row, so a slug it just moved to is not wiped; if it moved away, the slug is free.
  const { count } = await tx.organization.updateMany({
    where: { id: holder.id, slug: organization.slug },
    data: { slug: null },
  });
  if (count === 1) changes.push(changeOf("organization", holder.clerkId, "updated"));
  return organization.slug;
}

/**
 * `organization.deleted`: the organization's memberships end and the row is marked deleted, so the
 * tenant's data is no longer reachable through it; its slug becomes free for a new organization.
 */
export async function applyOrganizationDeletion(
  tx: Tx,
  { clerkId }: { clerkId: string },
): Promise<Array<Change | MembershipChange>> {
  await lockObjects(tx, ...organizationLocks({ clerkId }));
  const row = await tx.organization.findUnique({ where: { clerkId }, select: { id: true, deletedAt: true } });
  if (!row) {
    // Deleted before we saw it: the tombstone keeps a late `organization.created` from reviving it.
    // The name is unknown until such an older event fills it in.
    await tx.organization.create({ data: { clerkId, name: "", deletedAt: new Date() } });
    return [changeOf("organization", clerkId, "tombstoned")];
  }
  if (row.deletedAt) return [changeOf("organization", clerkId, "unchanged")];
  await tx.organization.update({ where: { id: row.id }, data: { slug: null, deletedAt: new Date() } });
  return [
    changeOf("organization", clerkId, "tombstoned"),
    ...(await endMemberships(tx, { organizationId: row.id })),
  ];
}

/** The live organization that holds the slug a snapshot brings, when it is another one. */
interface SlugHolder {
  id: string;
  clerkId: string;
  clerkUpdatedAt: Date | null;
}

interface OrganizationStateRow {
  row_clerk_updated_at: Date | null;
  row_deleted_at: Date | null;
  row_found: boolean;
  holder_id: string | null;
  holder_clerk_id: string | null;
  holder_clerk_updated_at: Date | null;
}

/**
 * The organization's row and the slug's current holder, read in one round trip (under the caller's
 * locks), as `readMembershipState` does for memberships.
 */
async function readOrganizationState(
  tx: Tx,
  organization: OrganizationSnapshot,
): Promise<{
  row: { clerkUpdatedAt: Date | null; deletedAt: Date | null } | null;
  slugHolder: SlugHolder | null;
}> {
  const [state] = await tx.$queryRaw<OrganizationStateRow[]>`
    SELECT o.id IS NOT NULL AS row_found, o.clerk_updated_at AS row_clerk_updated_at,
           o.deleted_at AS row_deleted_at, h.id::text AS holder_id, h.clerk_id AS holder_clerk_id,
           h.clerk_updated_at AS holder_clerk_updated_at
      FROM (SELECT 1) AS one
      LEFT JOIN organizations o ON o.clerk_id = ${organization.clerkId}
      LEFT JOIN organizations h ON h.slug = ${organization.slug} AND h.deleted_at IS NULL
                               AND h.clerk_id <> ${organization.clerkId}`;
  if (!state) throw new Error("organization state query returned no row");
  return {
    row: state.row_found
      ? { clerkUpdatedAt: state.row_clerk_updated_at, deletedAt: state.row_deleted_at }
      : null,
    slugHolder:
      state.holder_id && state.holder_clerk_id
        ? {
            id: state.holder_id,
            clerkId: state.holder_clerk_id,
            clerkUpdatedAt: state.holder_clerk_updated_at,
          }
        : null,
  };
}

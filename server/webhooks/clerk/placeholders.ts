import "server-only";
import { type Change, changeOf, type Tx } from "./changes";
import type { OrganizationPlaceholder, UserPlaceholder } from "./payloads";

export interface ParentRow {
  id: string;
  deletedAt: Date | null;
}

/**
 * The user a membership names, created from the membership's `public_user_data` when `user.created`
 * has not arrived yet. `clerkUpdatedAt` stays null, so any real user event completes the row.
 * The caller read `row` under the user's exclusive lock, so a plain create cannot race.
 */
export async function ensureUser(
  tx: Tx,
  user: UserPlaceholder,
  row: ParentRow | null,
  changes: Change[],
): Promise<ParentRow> {
  if (row) return row;
  changes.push(changeOf("user", user.clerkId, "placeholder"));
  return tx.user.create({ data: { ...user, clerkUpdatedAt: null }, select: { id: true, deletedAt: true } });
}

/**
 * The organization a membership names, as a placeholder when `organization.created` has not arrived.
 * Without a slug: slugs are unique among live organizations, and only a real organization event says
 * which organization holds one now. Memberships of one organization hold only a shared lock on it (so
 * they do not queue behind each other), hence the insert that tolerates a concurrent twin.
 */
export async function ensureOrganization(
  tx: Tx,
  organization: OrganizationPlaceholder,
  row: ParentRow | null,
  changes: Change[],
): Promise<ParentRow> {
  if (row) return row;
  const select = { id: true, deletedAt: true } as const;
  const { count } = await tx.organization.createMany({
    data: [{ ...organization, slug: null, clerkUpdatedAt: null }],
    skipDuplicates: true,
  });
  if (count === 1) changes.push(changeOf("organization", organization.clerkId, "placeholder"));
  return tx.organization.findUniqueOrThrow({ where: { clerkId: organization.clerkId }, select });
}

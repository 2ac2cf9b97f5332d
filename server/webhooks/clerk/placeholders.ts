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
 * Memberships of one organization hold only a shared lock on it (so they do not queue behind each
 * other), hence the insert that tolerates a concurrent twin.
 */
export async function ensureOrganization(
  tx: Tx,
  organization: OrganizationPlaceholder,
  row: ParentRow | null,
  changes: Change[],
): Promise<ParentRow> {
  if (row) return row;
  if (await createOrganizationPlaceholder(tx, organization)) {
    changes.push(changeOf("organization", organization.clerkId, "placeholder"));
  }
  return tx.organization.findUniqueOrThrow({
    where: { clerkId: organization.clerkId },
    select: { id: true, deletedAt: true },
  });
}

/**
 * The one way to create an organization row before Clerk's `organization.created` reaches us (a
 * membership event, or a signed-in session, naming an organization we have not seen yet). Its
 * `clerkUpdatedAt` stays null, so any real organization event completes it instead of conflicting;
 * it gets no slug, since slugs are unique among live organizations and only a real organization event
 * says which organization holds one now. Returns whether this call created the row (false when it
 * exists already, also when a concurrent transaction just created it).
 */
export async function createOrganizationPlaceholder(
  tx: Tx,
  organization: OrganizationPlaceholder,
): Promise<boolean> {
  const { count } = await tx.organization.createMany({
    data: [{ ...organization, slug: null, clerkUpdatedAt: null }],
    skipDuplicates: true,
  });
  return count === 1;
}

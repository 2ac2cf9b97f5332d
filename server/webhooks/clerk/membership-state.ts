import "server-only";
import type { Tx } from "./changes";
import type { MembershipSnapshot } from "./payloads";
import type { ParentRow } from "./placeholders";

export interface MembershipState {
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
export async function readMembershipState(tx: Tx, snapshot: MembershipSnapshot): Promise<MembershipState> {
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

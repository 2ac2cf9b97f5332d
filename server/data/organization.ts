import "server-only";
import { requireOrgContext } from "../auth/context";
import type { OrgContext } from "../auth/session";
import { db } from "../db";

export interface OrganizationMember {
  /** Clerk user id. */
  userId: string;
  name: string;
  email: string | null;
  role: string;
  isYou: boolean;
}

export interface OrganizationOverview {
  name: string;
  slug: string | null;
  memberCount: number;
  /** The first `MEMBER_PAGE_SIZE` members, admins first. */
  members: OrganizationMember[];
}

/** One of the organizations the caller belongs to, as the organization switcher lists it. */
export interface OrganizationChoice {
  name: string;
  slug: string;
}

export const MEMBER_PAGE_SIZE = 50;

/**
 * The caller's active organization as Postgres knows it (Clerk's webhooks keep it in sync).
 * Null when the organization has not been synced yet, or was deleted.
 */
export async function getOrganizationOverview(): Promise<OrganizationOverview | null> {
  return organizationOverviewFor(await requireOrgContext());
}

/**
 * Same, for a caller that already holds a verified context (tests build one from a signed token).
 * The organization comes from the context alone, never from a URL or a form.
 */
export async function organizationOverviewFor(context: OrgContext): Promise<OrganizationOverview | null> {
  // One statement, one round trip: every query costs this server more CPU (the client, the driver,
  // the socket) than the rows it returns, and the dashboard is read on every visit.
  // `org:admin` sorts before `org:member`; custom roles follow alphabetically.
  const [organization] = await db.$queryRaw<OverviewRow[]>`
    WITH organization AS (
      SELECT id, name, slug FROM organizations WHERE clerk_id = ${context.orgId} AND deleted_at IS NULL
    ), live_members AS (
      SELECT m.role, u.clerk_id, u.email, u.first_name, u.last_name
      FROM organization o
      JOIN memberships m ON m.organization_id = o.id AND m.deleted_at IS NULL
      JOIN users u ON u.id = m.user_id AND u.deleted_at IS NULL
    )
    SELECT name, slug,
      (SELECT count(*)::int FROM live_members) AS "memberCount",
      (SELECT coalesce(json_agg(json_build_object('role', p.role, 'clerkId', p.clerk_id, 'email', p.email,
                'firstName', p.first_name, 'lastName', p.last_name) ORDER BY p.role, p.first_name, p.clerk_id), '[]')
       FROM (SELECT * FROM live_members ORDER BY role, first_name, clerk_id LIMIT ${MEMBER_PAGE_SIZE}) p
      ) AS members
    FROM organization`;
  if (!organization) return null;

  return {
    name: organization.name,
    slug: organization.slug,
    memberCount: organization.memberCount,
    members: organization.members.map(({ role, ...user }) => ({
      userId: user.clerkId,
      name: displayName(user),
      email: user.email,
      role,
      isYou: user.clerkId === context.actor,
    })),
  };
}

interface OverviewRow {
  name: string;
  slug: string | null;
  memberCount: number;
  members: Array<{
    role: string;
    clerkId: string;
    email: string | null;
    firstName: string | null;
    lastName: string | null;
  }>;
}

function displayName(user: {
  clerkId: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
}) {
  const fullName = [user.firstName, user.lastName].filter(Boolean).join(" ");
  // A placeholder row (membership synced before its user) has no name yet.
  return fullName || user.email || user.clerkId;
}

/**
 * The organizations the caller is a member of, for the organization switcher. Whose they are comes
 * from the verified session alone; opening one is a link to its URL, where the middleware asks
 * Clerk to activate it (and refuses an organization the person does not belong to).
 */
export async function listMyOrganizations(): Promise<OrganizationChoice[]> {
  const { caller } = await requireOrgContext();
  // Pages run on sessions; an API key has no person whose organizations could be listed.
  if (caller.kind !== "user") return [];
  const { userId } = caller;
  // Asked from the organizations' side, so the membership is a filter and not a relation to load:
  // one statement instead of two (memberships, then their organizations).
  const organizations = await db.organization.findMany({
    where: {
      deletedAt: null,
      slug: { not: null },
      memberships: { some: { deletedAt: null, user: { clerkId: userId, deletedAt: null } } },
    },
    select: { name: true, slug: true },
    orderBy: { name: "asc" },
    take: MEMBER_PAGE_SIZE,
  });
  return organizations.flatMap(({ name, slug }) => (slug ? [{ name, slug }] : []));
}

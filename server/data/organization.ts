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
  const liveOrganization = { clerkId: context.orgId, deletedAt: null } as const;
  // The members are filtered by the organization's Clerk id, not its row id, so the three reads go
  // out together: one round trip of waiting instead of two in a row.
  const liveMembership = {
    organization: liveOrganization,
    deletedAt: null,
    user: { deletedAt: null },
  } as const;
  const [organization, memberCount, memberships] = await Promise.all([
    db.organization.findFirst({ where: liveOrganization, select: { name: true, slug: true } }),
    db.membership.count({ where: liveMembership }),
    db.membership.findMany({
      where: liveMembership,
      select: {
        role: true,
        user: { select: { clerkId: true, email: true, firstName: true, lastName: true } },
      },
      // `org:admin` sorts before `org:member`; custom roles follow alphabetically.
      orderBy: [{ role: "asc" }, { user: { firstName: "asc" } }, { user: { clerkId: "asc" } }],
      take: MEMBER_PAGE_SIZE,
    }),
  ]);
  if (!organization) return null;

  return {
    name: organization.name,
    slug: organization.slug,
    memberCount,
    members: memberships.map(({ role, user }) => ({
      userId: user.clerkId,
      name: displayName(user),
      email: user.email,
      role,
      isYou: user.clerkId === context.actor,
    })),
  };
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
  const memberships = await db.membership.findMany({
    where: {
      deletedAt: null,
      user: { clerkId: userId, deletedAt: null },
      organization: { deletedAt: null, slug: { not: null } },
    },
    select: { organization: { select: { name: true, slug: true } } },
    orderBy: { organization: { name: "asc" } },
    take: MEMBER_PAGE_SIZE,
  });
  return memberships.flatMap(({ organization: { name, slug } }) => (slug ? [{ name, slug }] : []));
}

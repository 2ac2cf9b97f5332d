/**
 * The simulated Clerk's state (see ./clerk-history.ts): the bodies Clerk's webhooks carry for it, and
 * what the synced tables must hold once every webhook it emitted has been applied — the truth the
 * convergence test and the benchmark compare the database with.
 */

export interface SyncedTables {
  users: Array<{
    clerkId: string;
    email: string | null;
    firstName: string | null;
    lastName: string | null;
    imageUrl: string | null;
    clerkUpdatedAt: number | null;
    deleted: boolean;
  }>;
  organizations: Array<{
    clerkId: string;
    name: string;
    slug: string | null;
    imageUrl: string | null;
    clerkUpdatedAt: number | null;
    deleted: boolean;
  }>;
  memberships: Array<{
    clerkId: string;
    organization: string;
    user: string;
    role: string;
    clerkUpdatedAt: number | null;
    deleted: boolean;
  }>;
}

export interface SimUser {
  id: string;
  emails: Array<{ id: string; email_address: string }>;
  primary: string;
  first: string | null;
  last: string | null;
  image: string;
  updatedAt: number;
  deleted: boolean;
}
export interface SimOrg {
  id: string;
  name: string;
  slug: string;
  image: string;
  updatedAt: number;
  deleted: boolean;
}
export interface SimMembership {
  id: string;
  org: SimOrg;
  user: SimUser;
  role: string;
  updatedAt: number;
  deleted: boolean;
}

// What Clerk sends for a user, organization or membership in this state, created `now`. */
export const userJson = (user: SimUser, now: number) => ({
  object: "user",
  id: user.id,
  first_name: user.first,
  last_name: user.last,
  image_url: user.image,
  // Not always first: the primary address is the one `primary_email_address_id` names.
  email_addresses: user.emails,
  primary_email_address_id: user.primary,
  created_at: now,
  updated_at: user.updatedAt,
});
export const orgJson = (org: SimOrg, now: number) => ({
  object: "organization",
  id: org.id,
  name: org.name,
  slug: org.slug,
  image_url: org.image,
  created_at: now,
  updated_at: org.updatedAt,
});
export const membershipJson = (membership: SimMembership, now: number) => ({
  object: "organization_membership",
  id: membership.id,
  role: membership.role,
  created_at: now,
  updated_at: membership.updatedAt,
  organization: orgJson(membership.org, now),
  public_user_data: {
    user_id: membership.user.id,
    first_name: membership.user.first,
    last_name: membership.user.last,
    image_url: membership.user.image,
    identifier: membership.user.emails.find((email) => email.id === membership.user.primary)?.email_address,
  },
});

/** The rows the synced tables must hold for the simulated state, in the order `sortTables` gives. */
export function expectedTables(users: SimUser[], orgs: SimOrg[], memberships: SimMembership[]): SyncedTables {
  return sortTables({
    users: users.map((user) =>
      user.deleted
        ? { ...erased(user.id), deleted: true }
        : {
            clerkId: user.id,
            email: user.emails.find((email) => email.id === user.primary)?.email_address ?? null,
            firstName: user.first,
            lastName: user.last,
            imageUrl: user.image,
            clerkUpdatedAt: user.updatedAt,
            deleted: false,
          },
    ),
    organizations: orgs.map((org) => ({
      clerkId: org.id,
      name: org.name,
      slug: org.deleted ? null : org.slug,
      imageUrl: org.image,
      clerkUpdatedAt: org.updatedAt,
      deleted: org.deleted,
    })),
    memberships: memberships.map((membership) => ({
      clerkId: membership.id,
      organization: membership.org.id,
      user: membership.user.id,
      role: membership.role,
      clerkUpdatedAt: membership.updatedAt,
      deleted: membership.deleted || membership.user.deleted || membership.org.deleted,
    })),
  });
}

function erased(clerkId: string) {
  return { clerkId, email: null, firstName: null, lastName: null, imageUrl: null, clerkUpdatedAt: null };
}

export function sortTables(tables: SyncedTables): SyncedTables {
  const byId = (a: { clerkId: string }, b: { clerkId: string }) => a.clerkId.localeCompare(b.clerkId);
  return {
    users: [...tables.users].sort(byId),
    organizations: [...tables.organizations].sort(byId),
    memberships: [...tables.memberships].sort(byId),
  };
}

import "server-only";
import type { Person } from "@/lib/validation/people";
import { inTenant, type TenantClient } from "./tenant";

/**
 * People as the tenant features show them. Users and memberships are synced from Clerk and are not
 * tenant tables (row-level security does not hide another organization's users), so every query here
 * goes through the organization's memberships explicitly.
 */

interface UserNameFields {
  clerkId: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
}

export function toPerson(user: UserNameFields): Person {
  const fullName = [user.firstName, user.lastName].filter(Boolean).join(" ");
  return { userId: user.clerkId, name: fullName || user.email || null };
}

const nameFields = { clerkId: true, firstName: true, lastName: true, email: true } as const;

/**
 * Names for Clerk user ids, as this organization may know them: anyone who is or ever was its member
 * (a former member's name stays on the history they made here). Any other id — another
 * organization's user, or text that only looks like a user id — keeps a null name, so an organization
 * learns nothing about people outside it. Someone not synced yet also has a null name.
 */
export async function peopleOfOrganization(
  tx: TenantClient,
  organizationId: string,
  clerkIds: string[],
): Promise<Map<string, Person>> {
  const unique = [...new Set(clerkIds)];
  const users = unique.length
    ? await tx.user.findMany({
        where: { clerkId: { in: unique }, memberships: { some: { organizationId } } },
        select: nameFields,
      })
    : [];
  const people = new Map(unique.map((userId) => [userId, { userId, name: null } as Person]));
  for (const user of users) people.set(user.clerkId, toPerson(user));
  return people;
}

/** The `users.id` of a current member of the organization, or null when they are not one. */
export async function findMemberUserId(
  tx: TenantClient,
  organizationId: string,
  clerkUserId: string,
): Promise<string | null> {
  const membership = await tx.membership.findFirst({
    where: { organizationId, deletedAt: null, user: { clerkId: clerkUserId, deletedAt: null } },
    select: { userId: true },
  });
  return membership?.userId ?? null;
}

/** The organization's current members, for pickers such as a task's assignee. */
export function listMembers(): Promise<Person[]> {
  return inTenant("projects:read", async (tx, { organizationId }) => {
    const memberships = await tx.membership.findMany({
      where: { organizationId, deletedAt: null, user: { deletedAt: null } },
      select: { user: { select: nameFields } },
    });
    return memberships
      .map((membership) => toPerson(membership.user))
      .sort((a, b) => (a.name ?? a.userId).localeCompare(b.name ?? b.userId));
  });
}

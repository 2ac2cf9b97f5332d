import type { PrismaClient } from "@/server/generated/prisma/client";
import { type SyncedTables, sortTables } from "./clerk-history";

/** The synced tables in a comparable form: Clerk ids instead of row ids, timestamps as ms. */
export async function readSyncedTables(db: PrismaClient): Promise<SyncedTables> {
  const ms = (date: Date | null) => date?.getTime() ?? null;
  const [users, organizations, memberships] = await Promise.all([
    db.user.findMany(),
    db.organization.findMany(),
    db.membership.findMany({ include: { user: true, organization: true } }),
  ]);
  return sortTables({
    users: users.map((user) => ({
      clerkId: user.clerkId,
      email: user.email,
      firstName: user.firstName,
      lastName: user.lastName,
      imageUrl: user.imageUrl,
      clerkUpdatedAt: ms(user.clerkUpdatedAt),
      deleted: user.deletedAt !== null,
    })),
    organizations: organizations.map((org) => ({
      clerkId: org.clerkId,
      name: org.name,
      slug: org.slug,
      imageUrl: org.imageUrl,
      clerkUpdatedAt: ms(org.clerkUpdatedAt),
      deleted: org.deletedAt !== null,
    })),
    memberships: memberships.map((membership) => ({
      clerkId: membership.clerkId,
      organization: membership.organization.clerkId,
      user: membership.user.clerkId,
      role: membership.role,
      clerkUpdatedAt: ms(membership.clerkUpdatedAt),
      deleted: membership.deletedAt !== null,
    })),
  });
}

/** Empties the synced tables and the ledger between runs of a property test (cheaper than a new database). */
export async function clearSyncedTables(db: PrismaClient): Promise<void> {
  await db.$transaction([
    db.membership.deleteMany(),
    db.user.deleteMany(),
    db.organization.deleteMany(),
    db.webhookEvent.deleteMany(),
  ]);
}

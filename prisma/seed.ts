/**
 * Seeds the demo data. Idempotent: every row is upserted by its Clerk id, so running it again
 * (every `npm run dev` does) changes nothing.
 */
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { exitWithError, withDatabaseUrl } from "../scripts/lib/database-url";
import { PrismaClient } from "../server/generated/prisma/client";
import { DEMO_SYNCED_AT, demoMemberships, demoOrganizations, demoUsers } from "./demo-data";

export interface SeedSummary {
  users: number;
  organizations: number;
  memberships: number;
}

export async function seedDemoData(prisma: PrismaClient): Promise<SeedSummary> {
  return prisma.$transaction(async (tx) => {
    const userIds = new Map<string, string>();
    for (const user of demoUsers) {
      const row = await tx.user.upsert({
        where: { clerkId: user.clerkId },
        create: { ...user, clerkUpdatedAt: DEMO_SYNCED_AT },
        update: {},
      });
      userIds.set(user.clerkId, row.id);
    }
    const orgIds = new Map<string, string>();
    for (const org of demoOrganizations) {
      const row = await tx.organization.upsert({
        where: { clerkId: org.clerkId },
        create: { ...org, clerkUpdatedAt: DEMO_SYNCED_AT },
        update: {},
      });
      orgIds.set(org.clerkId, row.id);
    }
    for (const membership of demoMemberships) {
      await tx.membership.upsert({
        where: { clerkId: membership.clerkId },
        create: {
          clerkId: membership.clerkId,
          role: membership.role,
          userId: userIds.get(membership.user) as string,
          organizationId: orgIds.get(membership.org) as string,
          clerkUpdatedAt: DEMO_SYNCED_AT,
        },
        update: {},
      });
    }
    return {
      users: demoUsers.length,
      organizations: demoOrganizations.length,
      memberships: demoMemberships.length,
    };
  });
}

export async function seedDatabase(databaseUrl: string): Promise<SeedSummary> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    return await seedDemoData(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  withDatabaseUrl(seedDatabase)
    .then((summary) =>
      console.log(
        `Seeded demo data: ${summary.users} users, ${summary.organizations} organizations, ${summary.memberships} memberships.`,
      ),
    )
    .catch(exitWithError);
}

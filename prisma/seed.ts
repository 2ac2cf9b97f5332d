/**
 * Seeds the demo data. Idempotent: every Clerk-synced row is upserted by its Clerk id, and an
 * organization gets its demo projects only while it has none, so running it again (every
 * `npm run dev` does) changes nothing — and brings back nothing a person deleted on purpose.
 */
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { withDatabaseUrl } from "../scripts/lib/database-url";
import { runScript } from "../scripts/lib/script-exit";
import type { Prisma } from "../server/generated/prisma/client";
import { PrismaClient } from "../server/generated/prisma/client";
import { DEMO_SYNCED_AT, demoMemberships, demoOrganizations, demoProjects, demoUsers } from "./demo-data";
import { enterTenant } from "./tenant-scope";

export interface SeedSummary {
  users: number;
  organizations: number;
  memberships: number;
  /** Projects created by this run (0 when every organization already had some). */
  projects: number;
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
    const projects = await seedDemoProjects(tx, orgIds, userIds);
    return {
      users: demoUsers.length,
      organizations: demoOrganizations.length,
      memberships: demoMemberships.length,
      projects,
    };
  });
}

async function seedDemoProjects(
  tx: Prisma.TransactionClient,
  orgIds: Map<string, string>,
  userIds: Map<string, string>,
): Promise<number> {
  let created = 0;
  for (const [clerkOrgId, organizationId] of orgIds) {
    // Tenant tables are row-level secured for every role but superusers: write as the tenant, as the app does.
    await enterTenant(tx, organizationId);
    if ((await tx.project.count({ where: { organizationId } })) > 0) continue;
    for (const project of demoProjects.filter((demo) => demo.org === clerkOrgId)) {
      await tx.project.create({
        data: {
          organizationId,
          name: project.name,
          description: project.description,
          status: project.status,
          createdBy: project.createdBy,
          tasks: {
            create: project.tasks.map((task) => ({
              title: task.title,
              done: task.done ?? false,
              assigneeId: task.assignee ? (userIds.get(task.assignee) ?? null) : null,
            })),
          },
        },
      });
      created++;
    }
  }
  return created;
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
  runScript(async () => {
    const summary = await withDatabaseUrl(seedDatabase);
    console.log(
      `Seeded demo data: ${summary.users} users, ${summary.organizations} organizations, ${summary.memberships} memberships.`,
    );
    return 0;
  });
}

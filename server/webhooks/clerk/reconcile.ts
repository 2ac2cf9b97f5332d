import "server-only";
import type { ClerkClient } from "@clerk/backend";
import type { PrismaClient } from "../../generated/prisma/client";
import type { Change, ClerkObject, Tx } from "./changes";
import { applyMembershipSnapshot, endMissingMembership } from "./memberships";
import { applyOrganizationDeletion, applyOrganizationSnapshot } from "./organizations";
import { membershipSnapshotSchema, organizationSnapshotSchema, userSnapshotSchema } from "./payloads";
import { applyUserDeletion, applyUserSnapshot } from "./users";

export type Tally = { created: number; updated: number; unchanged: number; tombstoned: number };
export type ReconcileSummary = Record<ClerkObject, Tally>;

export interface ReconcileOptions {
  clerk: ClerkClient;
  db: PrismaClient;
  /** Objects per Backend API request (Clerk allows up to 500). */
  pageSize?: number;
  onProgress?: (message: string) => void;
}

/**
 * Brings the tables in line with Clerk's Backend API, for a first import or after missed webhooks:
 * every user, organization and membership Clerk lists goes through the same order-safe functions
 * as the webhooks, then rows Clerk no longer has are tombstoned.
 *
 * Tombstones are permanent, so a row is only tombstoned when (1) the whole list was read, (2) the row
 * existed before the run started (a webhook may add rows meanwhile) and (3) Clerk confirms it is gone
 * (a direct lookup answers 404, or for a membership its organization's own list lacks it), because
 * offset paging can skip an object when another one is deleted mid-walk.
 */
export async function reconcileWithClerk({
  clerk,
  db,
  pageSize = 100,
  onProgress = () => {},
}: ReconcileOptions): Promise<ReconcileSummary> {
  const startedAt = new Date();
  const summary: ReconcileSummary = { user: tally(), organization: tally(), membership: tally() };
  const apply = async (change: (tx: Tx) => Promise<Change[]>) => {
    for (const { object, change: kind } of await db.$transaction(change)) {
      summary[object][kind === "placeholder" ? "created" : kind] += 1;
    }
  };

  const listed = {
    users: new Set<string>(),
    organizations: new Set<string>(),
    memberships: new Set<string>(),
  };
  const orderBy = "+created_at" as const;
  for await (const page of clerkPages(
    (params) => clerk.users.getUserList({ ...params, orderBy }),
    pageSize,
  )) {
    for (const user of page.items) {
      listed.users.add(user.id);
      const snapshot = userSnapshotSchema.parse(user.raw);
      await apply((tx) => applyUserSnapshot(tx, snapshot));
    }
    onProgress(`users ${page.seen}/${page.total}`);
  }
  for await (const page of clerkPages(
    (params) => clerk.organizations.getOrganizationList({ ...params, orderBy }),
    pageSize,
  )) {
    for (const organization of page.items) {
      listed.organizations.add(organization.id);
      const snapshot = organizationSnapshotSchema.parse(organization.raw);
      await apply((tx) => applyOrganizationSnapshot(tx, snapshot));
    }
    onProgress(`organizations ${page.seen}/${page.total}`);
  }
  for await (const page of clerkPages(
    (params) => clerk.organizations.getInstanceOrganizationMembershipList({ ...params, orderBy }),
    pageSize,
  )) {
    for (const membership of page.items) {
      listed.memberships.add(membership.id);
      const snapshot = membershipSnapshotSchema.parse(membership.raw);
      await apply((tx) => applyMembershipSnapshot(tx, snapshot, { deleted: false }));
    }
    onProgress(`memberships ${page.seen}/${page.total}`);
  }

  const candidates = { deletedAt: null, createdAt: { lt: startedAt } } as const;
  for (const { clerkId } of await db.user.findMany({ where: candidates, select: { clerkId: true } })) {
    if (listed.users.has(clerkId) || !(await isGone(() => clerk.users.getUser(clerkId)))) continue;
    await apply((tx) => applyUserDeletion(tx, { clerkId }));
  }
  for (const { clerkId } of await db.organization.findMany({
    where: candidates,
    select: { clerkId: true },
  })) {
    if (listed.organizations.has(clerkId)) continue;
    if (!(await isGone(() => clerk.organizations.getOrganization({ organizationId: clerkId })))) continue;
    await apply((tx) => applyOrganizationDeletion(tx, { clerkId }));
  }
  const liveMemberships = await db.membership.findMany({
    where: candidates,
    select: { clerkId: true, organization: { select: { clerkId: true } } },
  });
  for (const { clerkId, organization } of liveMemberships) {
    if (listed.memberships.has(clerkId)) continue;
    if (await organizationLists(clerk, organization.clerkId, clerkId, pageSize)) continue;
    await apply((tx) => endMissingMembership(tx, clerkId));
  }
  onProgress("tombstones checked");
  return summary;
}

async function isGone(lookup: () => Promise<unknown>): Promise<boolean> {
  try {
    await lookup();
    return false;
  } catch (error) {
    if (isNotFound(error)) return true;
    throw error;
  }
}

async function organizationLists(
  clerk: ClerkClient,
  organizationId: string,
  membershipId: string,
  pageSize: number,
): Promise<boolean> {
  try {
    for await (const page of clerkPages(
      (params) => clerk.organizations.getOrganizationMembershipList({ ...params, organizationId }),
      pageSize,
    )) {
      if (page.items.some((membership) => membership.id === membershipId)) return true;
    }
    return false;
  } catch (error) {
    // The organization itself is gone in Clerk: so are its memberships.
    if (isNotFound(error)) return false;
    throw error;
  }
}

function tally(): Tally {
  return { created: 0, updated: 0, unchanged: 0, tombstoned: 0 };
}

/**
 * Walks one of Clerk's offset-paginated lists to the end. Stops early if a page comes back empty
 * (the list shrank while we read it), so a deletion during the walk cannot loop forever.
 */
async function* clerkPages<T>(
  fetchPage: (params: { limit: number; offset: number }) => Promise<{ data: T[]; totalCount: number }>,
  limit: number,
): AsyncGenerator<{ items: T[]; seen: number; total: number }> {
  let offset = 0;
  for (;;) {
    const page = await fetchPage({ limit, offset });
    if (page.data.length === 0) return;
    offset += page.data.length;
    yield { items: page.data, seen: offset, total: page.totalCount };
    if (offset >= page.totalCount) return;
  }
}

/** Whether a Clerk Backend API call failed because the object does not exist. */
function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && "status" in error && error.status === 404;
}

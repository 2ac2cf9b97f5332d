import "server-only";
import type { ClerkClient } from "@clerk/backend";
import type { PrismaClient } from "../../generated/prisma/client";
import type { Change, ClerkObject, SyncedObject, Tx } from "./changes";
import { applyMembershipSnapshot, endMissingMembership } from "./memberships";
import { applyOrganizationDeletion, applyOrganizationSnapshot } from "./organizations";
import { membershipSnapshotSchema, organizationSnapshotSchema, userSnapshotSchema } from "./payloads";
import { pullOrganizationSubscription } from "./reconcile-billing";
import {
  checkSameInstance,
  checkTombstoneShare,
  isGone,
  isNotFound,
  ReconcileRefusedError,
} from "./reconcile-checks";
import { applySubscriptionSnapshot } from "./subscriptions";
import { applyUserDeletion, applyUserSnapshot } from "./users";

export type Tally = { created: number; updated: number; unchanged: number; tombstoned: number };
export type ReconcileSummary = Record<SyncedObject, Tally>;

export interface ReconcileReport {
  /** What changed, or with `dryRun` what would change. */
  summary: ReconcileSummary;
  /** The Clerk ids tombstoned (or, with `dryRun`, that would be). */
  tombstoned: Record<SyncedObject, string[]>;
  /** Why a run without `force` refuses (a dry run or a forced run goes on and reports it). */
  refusal: string | null;
}

export interface ReconcileOptions {
  clerk: ClerkClient;
  db: PrismaClient;
  /** Objects per Backend API request (Clerk allows up to 500). */
  pageSize?: number;
  onProgress?: (message: string) => void;
  /** Work out every change and roll each one back: the report is the plan, nothing is written. */
  dryRun?: boolean;
  /** Go on when a safety check (reconcile-checks.ts) refuses. */
  force?: boolean;
}

/** Thrown inside a dry run's transaction to roll it back once its changes are known. */
class DryRunRollback extends Error {
  constructor(readonly changes: Change[]) {
    super("dry run");
  }
}

/**
 * Brings the tables in line with Clerk's Backend API, for a first import or after missed webhooks:
 * every user, organization, organization subscription and membership Clerk lists goes through the same order-safe functions
 * as the webhooks, then rows Clerk no longer has are tombstoned.
 *
 * Tombstones are permanent, so a row is only tombstoned when (1) the whole list was read, (2) the row
 * existed before the run started (a webhook may add rows meanwhile), (3) Clerk confirms it is gone
 * (a direct lookup answers 404, or for a membership its organization's own list lacks it), because
 * offset paging can skip an object when another one is deleted mid-walk, and (4) the safety checks
 * pass: the key is for the instance the rows came from, and the tombstones are a small share.
 */
export async function reconcileWithClerk({
  clerk,
  db,
  pageSize = 100,
  onProgress = () => {},
  dryRun = false,
  force = false,
}: ReconcileOptions): Promise<ReconcileReport> {
  const startedAt = new Date();
  const report: ReconcileReport = {
    summary: {
      user: tally(),
      organization: tally(),
      membership: tally(),
      subscription: tally(),
      subscriptionItem: tally(),
      paymentAttempt: tally(),
    },
    tombstoned: {
      user: [],
      organization: [],
      membership: [],
      subscription: [],
      subscriptionItem: [],
      paymentAttempt: [],
    },
    refusal: null,
  };
  const refuse = (reason: string | null, consequence: string) => {
    if (!reason) return;
    report.refusal = reason;
    if (!dryRun && !force) throw new ReconcileRefusedError(`Refusing to reconcile: ${reason} ${consequence}`);
    if (force) onProgress(`going on (--force) although ${reason}`);
  };
  const apply = async (change: (tx: Tx) => Promise<Change[]>) => {
    for (const { object, clerkId, change: kind } of await run(db, change, dryRun)) {
      // A dry run writes no user or organization, so its memberships find none and make placeholders:
      // those are counted where they belong, in the user and organization passes.
      if (kind === "placeholder" && dryRun) continue;
      if (kind === "tombstoned") {
        // A deleted user's or organization's memberships end with it; count each once.
        if (report.tombstoned[object].includes(clerkId)) continue;
        report.tombstoned[object].push(clerkId);
      }
      report.summary[object][kind === "placeholder" ? "created" : kind] += 1;
    }
  };

  refuse(
    await checkSameInstance(clerk, db, startedAt),
    "Nothing was changed. Check the key; if Clerk really deleted them all, re-run with --force.",
  );

  const listed = { user: new Set<string>(), organization: new Set<string>(), membership: new Set<string>() };
  const orderBy = "+created_at" as const;
  for await (const page of clerkPages(
    (params) => clerk.users.getUserList({ ...params, orderBy }),
    pageSize,
  )) {
    for (const user of page.items) {
      listed.user.add(user.id);
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
      listed.organization.add(organization.id);
      const snapshot = organizationSnapshotSchema.parse(organization.raw);
      await apply((tx) => applyOrganizationSnapshot(tx, snapshot));
    }
    onProgress(`organizations ${page.seen}/${page.total}`);
  }
  for (const organizationId of listed.organization) {
    const subscription = await pullOrganizationSubscription(clerk, organizationId);
    if (subscription) await apply((tx) => applySubscriptionSnapshot(tx, subscription));
  }
  onProgress(`subscriptions of ${listed.organization.size} organizations`);
  for await (const page of clerkPages(
    (params) => clerk.organizations.getInstanceOrganizationMembershipList({ ...params, orderBy }),
    pageSize,
  )) {
    for (const membership of page.items) {
      listed.membership.add(membership.id);
      const snapshot = membershipSnapshotSchema.parse(membership.raw);
      await apply((tx) => applyMembershipSnapshot(tx, snapshot, { deleted: false }));
    }
    onProgress(`memberships ${page.seen}/${page.total}`);
  }

  const stored = { deletedAt: null, createdAt: { lt: startedAt } } as const;
  const users = await db.user.findMany({ where: stored, select: { clerkId: true } });
  const organizations = await db.organization.findMany({ where: stored, select: { clerkId: true } });
  const memberships = await db.membership.findMany({
    where: stored,
    select: { clerkId: true, organization: { select: { clerkId: true } } },
  });
  const gone: Record<ClerkObject, string[]> = { user: [], organization: [], membership: [] };
  for (const { clerkId } of users) {
    if (listed.user.has(clerkId) || !(await isGone(() => clerk.users.getUser(clerkId)))) continue;
    gone.user.push(clerkId);
  }
  for (const { clerkId } of organizations) {
    if (listed.organization.has(clerkId)) continue;
    if (!(await isGone(() => clerk.organizations.getOrganization({ organizationId: clerkId })))) continue;
    gone.organization.push(clerkId);
  }
  for (const { clerkId, organization } of memberships) {
    if (listed.membership.has(clerkId)) continue;
    if (await organizationLists(clerk, organization.clerkId, clerkId, pageSize)) continue;
    gone.membership.push(clerkId);
  }
  refuse(
    checkTombstoneShare(gone, {
      user: users.length,
      organization: organizations.length,
      membership: memberships.length,
    }),
    "Nothing was tombstoned (what Clerk lists was applied). Run with --dry-run to see the plan; " +
      "if Clerk really deleted them, re-run with --force.",
  );

  for (const clerkId of gone.user) await apply((tx) => applyUserDeletion(tx, { clerkId }));
  for (const clerkId of gone.organization) await apply((tx) => applyOrganizationDeletion(tx, { clerkId }));
  for (const clerkId of gone.membership) await apply((tx) => endMissingMembership(tx, clerkId));
  onProgress("tombstones checked");
  return report;
}

/** One object's change in its own transaction; in a dry run, rolled back once its changes are known. */
async function run(db: PrismaClient, change: (tx: Tx) => Promise<Change[]>, dryRun: boolean) {
  if (!dryRun) return db.$transaction(change);
  try {
    await db.$transaction(async (tx) => {
      throw new DryRunRollback(await change(tx));
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.changes;
    throw error;
  }
  throw new Error("a dry run's transaction committed");
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

function tally(): Tally {
  return { created: 0, updated: 0, unchanged: 0, tombstoned: 0 };
}

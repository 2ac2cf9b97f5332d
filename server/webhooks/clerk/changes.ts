import "server-only";
import { Prisma } from "../../generated/prisma/client";

/** The transaction every change runs in: the ledger row and the change commit together or not at all. */
export type Tx = Prisma.TransactionClient;

export type ClerkObject = "user" | "organization" | "membership";

/** Clerk Billing's objects (server/webhooks/clerk/subscriptions.ts): never deleted, they end by status. */
export type BillingObject = "subscription" | "subscriptionItem" | "paymentAttempt";

export type SyncedObject = ClerkObject | BillingObject;

/**
 * - `created` / `updated`: the row now reflects the event;
 * - `placeholder`: a membership named a user or organization we had not seen, so a stand-in row was made;
 * - `tombstoned`: the row is now marked deleted;
 * - `unchanged`: the event was not newer than the row (or the row is a tombstone), so nothing was written.
 */
export type ChangeKind = "created" | "updated" | "placeholder" | "tombstoned" | "unchanged";

export interface Change {
  object: SyncedObject;
  clerkId: string;
  change: ChangeKind;
}

/**
 * Membership changes carry what an audit log needs (who, which organization, which role before and
 * after), so a product can record them in the same transaction without querying again.
 */
export interface MembershipChange extends Change {
  object: "membership";
  organizationId: string;
  userId: string;
  role: string;
  previousRole: string | null;
  /** Whether the membership grants access after this change. */
  live: boolean;
}

export function changeOf(object: SyncedObject, clerkId: string, change: ChangeKind): Change {
  return { object, clerkId, change };
}

/** Clerk's `updated_at` decides: only a strictly newer version replaces a row (a placeholder has none). */
export function isNewer(incoming: Date, stored: Date | null): boolean {
  return stored === null || incoming.getTime() > stored.getTime();
}

export function changedAnything(changes: readonly Change[]): boolean {
  return changes.some((change) => change.change !== "unchanged");
}

export interface ObjectLock {
  key: string;
  mode: "exclusive" | "shared";
}

/**
 * Serializes changes to the same Clerk object across transactions and app instances, so each handler
 * can read a row, decide and write without a race (two first deliveries inserting the same user, a
 * membership landing while its organization is being deleted). The locks are transaction-scoped
 * advisory locks: they cost one round trip, need no row to exist yet, and are released at commit or
 * rollback. Callers always lock users before organizations before slugs, so lock waits cannot cycle.
 */
export async function lockObjects(tx: Tx, ...locks: ObjectLock[]): Promise<void> {
  if (locks.length === 0) return;
  // Postgres evaluates a select list left to right, so one statement takes the locks in the given order.
  const calls = locks.map((lock) =>
    lock.mode === "exclusive"
      ? Prisma.sql`pg_advisory_xact_lock(hashtextextended(${lock.key}, 0))`
      : Prisma.sql`pg_advisory_xact_lock_shared(hashtextextended(${lock.key}, 0))`,
  );
  // $executeRaw, not $queryRaw: the lock functions return `void`, a type with nothing to deserialize.
  await tx.$executeRaw`SELECT ${Prisma.join(calls)}`;
}

export const exclusive = (key: string): ObjectLock => ({ key, mode: "exclusive" });
export const shared = (key: string): ObjectLock => ({ key, mode: "shared" });
export const slugLock = (slug: string): ObjectLock => exclusive(`slug:${slug}`);

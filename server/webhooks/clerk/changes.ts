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
  /** The member's Clerk id, so a record of the change can name them without another query. */
  userClerkId: string;
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
 * Locks the transaction already holds (a webhook delivery takes them with its ledger claim, see
 * `claimDelivery`) cost nothing.
 */
export async function lockObjects(tx: Tx, ...locks: ObjectLock[]): Promise<void> {
  const missing = locks.filter((lock) => !heldLocks.get(tx)?.has(lockName(lock)));
  if (missing.length === 0) return;
  // $executeRaw, not $queryRaw: the lock functions return `void`, a type with nothing to deserialize.
  await tx.$executeRaw`SELECT ${lockCalls(missing)}`;
  noteLocksHeld(tx, missing);
}

/**
 * The SQL that takes the locks, for a statement that does more (the ledger claim). Postgres evaluates
 * a select list left to right, so one statement takes the locks in the given order.
 */
export function lockCalls(locks: readonly ObjectLock[]): Prisma.Sql {
  return Prisma.join(
    locks.map((lock) =>
      lock.mode === "exclusive"
        ? Prisma.sql`pg_advisory_xact_lock(hashtextextended(${lock.key}, 0))`
        : Prisma.sql`pg_advisory_xact_lock_shared(hashtextextended(${lock.key}, 0))`,
    ),
  );
}

// Per transaction client, the locks taken so far: they last until the transaction ends, and so does
// the client (a WeakMap lets both go together).
const heldLocks = new WeakMap<Tx, Set<string>>();
const lockName = (lock: ObjectLock) => `${lock.mode}:${lock.key}`;

/** Records locks a statement of this transaction took, so `lockObjects` does not ask for them again. */
export function noteLocksHeld(tx: Tx, locks: readonly ObjectLock[]): void {
  const held = heldLocks.get(tx) ?? new Set<string>();
  for (const lock of locks) held.add(lockName(lock));
  heldLocks.set(tx, held);
}

export const exclusive = (key: string): ObjectLock => ({ key, mode: "exclusive" });
export const shared = (key: string): ObjectLock => ({ key, mode: "shared" });
export const slugLock = (slug: string): ObjectLock => exclusive(`slug:${slug}`);

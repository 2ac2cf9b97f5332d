import "server-only";
import type { Prisma } from "../../generated/prisma/client";

/** The transaction every change runs in: the ledger row and the change commit together or not at all. */
export type Tx = Prisma.TransactionClient;

export type ClerkObject = "user" | "organization" | "membership";

/**
 * - `created` / `updated`: the row now reflects the event;
 * - `placeholder`: a membership named a user or organization we had not seen, so a stand-in row was made;
 * - `tombstoned`: the row is now marked deleted;
 * - `unchanged`: the event was not newer than the row (or the row is a tombstone), so nothing was written.
 */
export type ChangeKind = "created" | "updated" | "placeholder" | "tombstoned" | "unchanged";

export interface Change {
  object: ClerkObject;
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

export function changeOf(object: ClerkObject, clerkId: string, change: ChangeKind): Change {
  return { object, clerkId, change };
}

/** Clerk's `updated_at` decides: only a strictly newer version replaces a row (a placeholder has none). */
export function isNewer(incoming: Date, stored: Date | null): boolean {
  return stored === null || incoming.getTime() > stored.getTime();
}

export function changedAnything(changes: readonly Change[]): boolean {
  return changes.some((change) => change.change !== "unchanged");
}

import "server-only";
import type { ClerkClient } from "@clerk/backend";
import type { PrismaClient } from "../../generated/prisma/client";
import type { ClerkObject } from "./changes";

/**
 * The reconcile's guards against erasing everything. Tombstones are permanent, and a reconcile run
 * with the key of another Clerk instance (test instead of live, staging against production) sees
 * every stored id as gone. So, unless forced:
 * - before anything is written, a sample of stored users and organizations is looked up: when not one
 *   of them exists in the instance, the key is almost certainly for another instance;
 * - before anything is tombstoned, the run refuses when it would tombstone more than a small share of
 *   a table's live rows. Clerk deletions between two runs are normally a trickle; a flood means the
 *   instance or the list is not what we think.
 */

/** Up to this many stored users and as many organizations are looked up in Clerk. */
export const SAMPLE_SIZE_PER_KIND = 10;
/** Tombstoning more than this share of a kind's live rows needs `--force`… */
export const MAX_TOMBSTONE_SHARE = 0.1;
/** …unless it is no more than a handful of rows (small tables would otherwise trip on any deletion). */
export const TOMBSTONES_ALWAYS_ALLOWED = 5;

/** A check refused the run; the message says why and what to do. */
export class ReconcileRefusedError extends Error {
  override name = "ReconcileRefusedError";
}

/**
 * Looks up a random sample of the live users and organizations stored before `startedAt`. Returns why
 * to refuse when there was a sample and none of it exists in the instance, else null.
 */
export async function checkSameInstance(
  clerk: ClerkClient,
  db: PrismaClient,
  startedAt: Date,
): Promise<string | null> {
  // ORDER BY random(): a sample from the whole table, not only the oldest or newest rows.
  const users = await db.$queryRaw<Array<{ clerkId: string }>>`
    SELECT clerk_id AS "clerkId" FROM users WHERE deleted_at IS NULL AND created_at < ${startedAt}
    ORDER BY random() LIMIT ${SAMPLE_SIZE_PER_KIND}`;
  const organizations = await db.$queryRaw<Array<{ clerkId: string }>>`
    SELECT clerk_id AS "clerkId" FROM organizations WHERE deleted_at IS NULL AND created_at < ${startedAt}
    ORDER BY random() LIMIT ${SAMPLE_SIZE_PER_KIND}`;
  const lookups = [
    ...users.map(
      ({ clerkId }) =>
        () =>
          clerk.users.getUser(clerkId),
    ),
    ...organizations.map(
      ({ clerkId }) =>
        () =>
          clerk.organizations.getOrganization({ organizationId: clerkId }),
    ),
  ];
  if (lookups.length === 0) return null;
  for (const lookup of lookups) {
    if (!(await isGone(lookup))) return null;
  }
  return (
    `none of ${users.length} users and ${organizations.length} organizations sampled from the database ` +
    "exists in the Clerk instance of this CLERK_SECRET_KEY: most likely it is another instance's key " +
    "(test instead of live, staging instead of production)."
  );
}

/**
 * Returns why to refuse when, for any kind, the run would tombstone more than
 * MAX_TOMBSTONE_SHARE of the live rows and more than TOMBSTONES_ALWAYS_ALLOWED rows, else null.
 */
export function checkTombstoneShare(
  gone: Record<ClerkObject, readonly string[]>,
  live: Record<ClerkObject, number>,
): string | null {
  const excessive = (Object.keys(gone) as ClerkObject[]).filter(
    (kind) =>
      gone[kind].length > TOMBSTONES_ALWAYS_ALLOWED && gone[kind].length > live[kind] * MAX_TOMBSTONE_SHARE,
  );
  if (excessive.length === 0) return null;
  const counts = excessive.map((kind) => `${gone[kind].length} of ${live[kind]} ${kind}s`).join(", ");
  return (
    `it would tombstone ${counts}: more than ${MAX_TOMBSTONE_SHARE * 100}% of the live rows and more ` +
    `than ${TOMBSTONES_ALWAYS_ALLOWED}, which is what a key of the wrong Clerk instance looks like.`
  );
}

/** Whether a Clerk lookup says the object does not exist (404); any other failure is thrown. */
export async function isGone(lookup: () => Promise<unknown>): Promise<boolean> {
  try {
    await lookup();
    return false;
  } catch (error) {
    if (isNotFound(error)) return true;
    throw error;
  }
}

/** Whether a Clerk Backend API call failed because the object does not exist. */
export function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && "status" in error && error.status === 404;
}

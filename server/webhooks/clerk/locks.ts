import "server-only";
import { Prisma } from "../../generated/prisma/client";
import type { Tx } from "./changes";

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

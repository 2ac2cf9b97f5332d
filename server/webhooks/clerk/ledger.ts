import "server-only";
import { v7 as uuidv7 } from "uuid";
import { Prisma, type PrismaClient } from "../../generated/prisma/client";
import { lockCalls, noteLocksHeld, type ObjectLock, type Tx } from "./changes";

/**
 * The `webhook_events` ledger: one row per Svix message id. Svix delivers at least once (and retries
 * any non-2xx for about a day), so the id is claimed in the same transaction that applies the event:
 * a retry of a processed message finds its id taken and does nothing.
 */

/**
 * Claims a message id for this transaction, taking the event's object locks in the same statement
 * (one round trip instead of two: a delivery is a handful of statements, and on a busy database each
 * round trip costs more than its query). A concurrent delivery of the same id waits (on the locks or
 * on the unique index) until this transaction ends, then finds the id taken: never a unique-constraint
 * error. A row left `failed` by an earlier attempt is claimed again, so a retry after a fix (or an
 * outage) applies.
 */
export async function claimDelivery(
  tx: Tx,
  claim: { svixId: string; type: string; locks: readonly ObjectLock[] },
): Promise<boolean> {
  const { svixId, type, locks } = claim;
  // The locks come first (a CTE with side effects is evaluated once, before the insert reads it), so
  // the handler's reads, in later statements, see everything committed before the locks were granted.
  const claimed = await tx.$queryRaw<Array<{ claimed: boolean }>>`
    WITH locked AS (SELECT ${locks.length > 0 ? lockCalls(locks) : Prisma.sql`NULL`})
    INSERT INTO webhook_events (id, svix_id, type, status, processed_at)
    SELECT ${uuidv7()}::uuid, ${svixId}, ${type}, 'processed'::webhook_event_status, ${new Date()}
      FROM locked
    ON CONFLICT (svix_id) DO UPDATE
      SET type = excluded.type, status = excluded.status, error = NULL, processed_at = excluded.processed_at
      WHERE webhook_events.status = 'failed'
    RETURNING true AS claimed`;
  noteLocksHeld(tx, locks);
  return claimed.length === 1;
}

/** The claim is written as `processed`; an event that changed nothing is recorded as stale instead. */
export async function markStale(tx: Tx, svixId: string): Promise<void> {
  await tx.webhookEvent.update({ where: { svixId }, data: { status: "stale" } });
}

/** Records a delivery that was verified but not applied: an ignored type, or a failure. */
export async function recordUnapplied(
  db: PrismaClient,
  entry: { svixId: string; type: string; status: "ignored" | "failed"; error?: string },
): Promise<void> {
  const { count } = await db.webhookEvent.createMany({
    data: [{ ...entry, error: entry.error ?? null, processedAt: new Date() }],
    skipDuplicates: true,
  });
  if (count === 0 && entry.status === "failed") {
    // Only a row that is itself `failed` takes the new error; a processed message stays processed.
    await db.webhookEvent.updateMany({
      where: { svixId: entry.svixId, status: "failed" },
      data: { type: entry.type, error: entry.error ?? null, processedAt: new Date() },
    });
  }
}

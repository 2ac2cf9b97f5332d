import "server-only";
import type { PrismaClient } from "../../generated/prisma/client";
import type { Tx } from "./changes";

/**
 * The `webhook_events` ledger: one row per Svix message id. Svix delivers at least once (and retries
 * any non-2xx for about a day), so the id is claimed in the same transaction that applies the event:
 * a retry of a processed message finds its id taken and does nothing.
 */

/**
 * Claims a message id for this transaction. A concurrent delivery of the same id waits on the unique
 * index until this transaction ends, then finds the id taken: never a unique-constraint error. A row
 * left `failed` by an earlier attempt is claimed again, so a retry after a fix (or an outage) applies.
 */
export async function claimDelivery(tx: Tx, svixId: string, type: string): Promise<boolean> {
  const now = new Date();
  const { count } = await tx.webhookEvent.createMany({
    data: [{ svixId, type, status: "processed", processedAt: now }],
    skipDuplicates: true,
  });
  if (count === 1) return true;
  const retried = await tx.webhookEvent.updateMany({
    where: { svixId, status: "failed" },
    data: { type, status: "processed", error: null, processedAt: now },
  });
  return retried.count === 1;
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

import "server-only";
import type { PrismaClient } from "../../generated/prisma/client";
import { type Change, changedAnything, type Tx } from "./changes";
import { type PreparedEvent, prepareEvent } from "./handlers";
import { claimDelivery, markStale, recordUnapplied } from "./ledger";
import { clerkEventSchema } from "./payloads";

export type DeliveryOutcome =
  /** Applied: the tables changed. */
  | { status: "processed"; type: string; changes: Change[] }
  /** Applied, but the rows already held this version or a newer one: nothing changed. */
  | { status: "stale"; type: string; changes: Change[] }
  /** This Svix message id was processed before: nothing to do. */
  | { status: "duplicate"; type: string }
  /** A type the sync does not handle: acknowledged so Svix stops retrying it. */
  | { status: "ignored"; type: string }
  /** Signed by Clerk but unusable (malformed JSON, unexpected shape): recorded, nothing else written. */
  | { status: "failed"; type: string; error: string }
  /** Something broke on our side (database unreachable, a bug): nothing written, Svix retries. */
  | { status: "error"; type: string; error: string };

// A delivery that cannot get a connection or finish within these is better failed and retried by Svix
// (which gives up on a response after 15 s) than left hanging.
const TRANSACTION_OPTIONS = { maxWait: 5_000, timeout: 10_000 } as const;

/**
 * Handles one verified delivery: validates it, then claims its Svix id and applies it in a single
 * transaction, so a retry or a concurrent duplicate never applies twice and a failure leaves nothing
 * half-written.
 */
export async function handleClerkDelivery(
  db: PrismaClient,
  delivery: { svixId: string; body: string },
): Promise<DeliveryOutcome> {
  const { svixId } = delivery;
  const event = parseEvent(delivery.body);
  if (!event.ok) return recordFailure(db, svixId, event.type, event.error);
  const preparation = prepareEvent(event.type, event.data);
  if (!preparation) {
    await recordUnapplied(db, { svixId, type: event.type, status: "ignored" });
    return { status: "ignored", type: event.type };
  }
  if (!preparation.ok) return recordFailure(db, svixId, event.type, preparation.error);

  try {
    return await db.$transaction(
      (tx) => applyDelivery(tx, svixId, event.type, preparation.apply),
      TRANSACTION_OPTIONS,
    );
  } catch (error) {
    const description = describeError(error);
    // Best effort, so /admin shows the failure; if the database itself is down this fails too.
    await recordUnapplied(db, { svixId, type: event.type, status: "failed", error: description }).catch(
      () => {},
    );
    return { status: "error", type: event.type, error: description };
  }
}

/** The body of the delivery's transaction (exported so the benchmark can compare isolation levels). */
export async function applyDelivery(
  tx: Tx,
  svixId: string,
  type: string,
  apply: PreparedEvent,
): Promise<DeliveryOutcome> {
  if (!(await claimDelivery(tx, svixId, type))) return { status: "duplicate", type };
  const changes = await apply(tx);
  if (changedAnything(changes)) return { status: "processed", type, changes };
  await markStale(tx, svixId);
  return { status: "stale", type, changes };
}

type ParsedEvent = { ok: true; type: string; data: unknown } | { ok: false; type: string; error: string };

function parseEvent(body: string): ParsedEvent {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, type: "unknown", error: "malformed JSON" };
  }
  const envelope = clerkEventSchema.safeParse(json);
  if (!envelope.success) {
    return { ok: false, type: "unknown", error: "not a Clerk event: `type` and `data` are required" };
  }
  return { ok: true, type: envelope.data.type, data: envelope.data.data };
}

async function recordFailure(
  db: PrismaClient,
  svixId: string,
  type: string,
  error: string,
): Promise<DeliveryOutcome> {
  try {
    await recordUnapplied(db, { svixId, type, status: "failed", error });
  } catch (recordError) {
    return { status: "error", type, error: describeError(recordError) };
  }
  return { status: "failed", type, error };
}

/** A short, loggable reason: the error's kind and last line, never the payload. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return "unknown error";
  const code = "code" in error && typeof error.code === "string" ? ` ${error.code}` : "";
  // Prisma's messages open with the call site and end with the cause.
  const cause = error.message.trim().split("\n").at(-1)?.trim() ?? "";
  return `${error.name}${code}: ${cause}`.slice(0, 300);
}

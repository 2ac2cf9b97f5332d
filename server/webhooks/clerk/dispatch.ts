import "server-only";
import type { z } from "zod";
import { recordMembershipActivity } from "../../audit/membership-activity";
import { isDatabaseUnavailable } from "../../data/prisma-errors";
import { db as appDb } from "../../db";
import type { PrismaClient } from "../../generated/prisma/client";
import {
  paymentAttemptSnapshotSchema,
  subscriptionItemSnapshotSchema,
  subscriptionSnapshotSchema,
} from "./billing-payloads";
import { type Change, changedAnything, type ObjectLock, type Tx } from "./changes";
import { claimDelivery, markStale, recordUnapplied } from "./ledger";
import { applyMembershipSnapshot, membershipLocks } from "./memberships";
import { applyOrganizationDeletion, applyOrganizationSnapshot, organizationLocks } from "./organizations";
import {
  clerkEventSchema,
  deletedObjectSchema,
  membershipSnapshotSchema,
  organizationSnapshotSchema,
  userSnapshotSchema,
} from "./payloads";
import {
  applyPaymentAttemptSnapshot,
  applySubscriptionItemSnapshot,
  applySubscriptionSnapshot,
} from "./subscriptions";
import { applyUserDeletion, applyUserSnapshot, userLocks } from "./users";

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
  /** The database could not be reached: nothing written, Svix retries later. */
  | { status: "unavailable"; type: string; error: string }
  /** Something else broke on our side (a bug): nothing written, Svix retries. */
  | { status: "error"; type: string; error: string };

/**
 * A validated event, ready to apply inside the delivery's transaction: the locks it needs (taken with
 * the ledger claim, in the transaction's first statement) and the apply function.
 */
export interface PreparedEvent {
  locks: readonly ObjectLock[];
  apply: (tx: Tx) => Promise<Change[]>;
}

export type Preparation = { ok: true; event: PreparedEvent } | { ok: false; error: string };

type Handler = (data: unknown) => Preparation;

/**
 * `locks` names what `apply` locks first, so the claim takes those locks in the same statement. Clerk
 * Billing's types (rare next to membership events) leave it out: their apply functions lock on their own.
 */
function handler<S extends z.ZodType>(
  schema: S,
  apply: (tx: Tx, data: z.output<S>) => Promise<Change[]>,
  locks: (data: z.output<S>) => ObjectLock[] = () => [],
): Handler {
  return (data) => {
    const parsed = schema.safeParse(data);
    if (!parsed.success) return { ok: false, error: describeIssues(parsed.error) };
    return {
      ok: true,
      event: {
        locks: locks(parsed.data),
        apply: async (tx) => {
          const changes = await apply(tx, parsed.data);
          // Deletions of users and organizations end memberships too, so every event type records them.
          await recordMembershipActivity(tx, changes);
          return changes;
        },
      },
    };
  };
}

// Clerk Billing: every subscription event carries the whole subscription, every item event the whole
// item, so each is the same upsert; the event's name is only the reason it was sent.
const SUBSCRIPTION_EVENTS = ["created", "updated", "active", "pastDue"].map((verb) => `subscription.${verb}`);
const SUBSCRIPTION_ITEM_EVENTS = [
  "created",
  "updated",
  "active",
  "canceled",
  "upcoming",
  "ended",
  "abandoned",
  "incomplete",
  "pastDue",
  "freeTrialEnding",
].map((verb) => `subscriptionItem.${verb}`);

const membershipHandler = (options: { deleted: boolean }) =>
  handler(
    membershipSnapshotSchema,
    (tx, membership) => applyMembershipSnapshot(tx, membership, options),
    membershipLocks,
  );

/** One entry per event type the sync handles; every other type is acknowledged and ignored. */
const handlers: Readonly<Record<string, Handler>> = {
  "user.created": handler(userSnapshotSchema, applyUserSnapshot, userLocks),
  "user.updated": handler(userSnapshotSchema, applyUserSnapshot, userLocks),
  "user.deleted": handler(deletedObjectSchema, applyUserDeletion, userLocks),
  "organization.created": handler(organizationSnapshotSchema, applyOrganizationSnapshot, organizationLocks),
  "organization.updated": handler(organizationSnapshotSchema, applyOrganizationSnapshot, organizationLocks),
  "organization.deleted": handler(deletedObjectSchema, applyOrganizationDeletion, organizationLocks),
  "organizationMembership.created": membershipHandler({ deleted: false }),
  "organizationMembership.updated": membershipHandler({ deleted: false }),
  "organizationMembership.deleted": membershipHandler({ deleted: true }),
  ...Object.fromEntries(
    SUBSCRIPTION_EVENTS.map((type) => [type, handler(subscriptionSnapshotSchema, applySubscriptionSnapshot)]),
  ),
  ...Object.fromEntries(
    SUBSCRIPTION_ITEM_EVENTS.map((type) => [
      type,
      handler(subscriptionItemSnapshotSchema, applySubscriptionItemSnapshot),
    ]),
  ),
  "paymentAttempt.created": handler(paymentAttemptSnapshotSchema, applyPaymentAttemptSnapshot),
  "paymentAttempt.updated": handler(paymentAttemptSnapshotSchema, applyPaymentAttemptSnapshot),
};

export const HANDLED_EVENT_TYPES = Object.keys(handlers);

/** The handler of an event type, or null when the sync does not handle that type. */
function prepareEvent(type: string, data: unknown): Preparation | null {
  const handle = Object.hasOwn(handlers, type) ? handlers[type] : undefined;
  return handle ? handle(data) : null;
}

// A delivery that cannot get a connection or finish within these is better failed and retried by Svix
// (which gives up on a response after 15 s) than left hanging.
const TRANSACTION_OPTIONS = { maxWait: 5_000, timeout: 10_000 } as const;

/**
 * Handles one verified delivery: validates it, then claims its Svix id and applies it in a single
 * transaction, so a retry or a concurrent duplicate never applies twice and a failure leaves nothing
 * half-written. `db` is the app's client unless a test or benchmark brings its own.
 */
export async function handleClerkDelivery(
  delivery: { svixId: string; body: string },
  db: PrismaClient = appDb,
): Promise<DeliveryOutcome> {
  const { svixId } = delivery;
  const event = parseEvent(delivery.body);
  if (!event.ok) return recordFailure(db, svixId, event.type, event.error);
  const preparation = prepareEvent(event.type, event.data);
  if (!preparation) {
    try {
      await recordUnapplied(db, { svixId, type: event.type, status: "ignored" });
    } catch (error) {
      return unstored(event.type, error);
    }
    return { status: "ignored", type: event.type };
  }
  if (!preparation.ok) return recordFailure(db, svixId, event.type, preparation.error);

  try {
    return await db.$transaction(
      (tx) => applyDelivery(tx, svixId, event.type, preparation.event),
      TRANSACTION_OPTIONS,
    );
  } catch (error) {
    const outcome = unstored(event.type, error);
    // Best effort, so /admin shows the failure; if the database itself is down this fails too.
    await recordUnapplied(db, { svixId, type: event.type, status: "failed", error: outcome.error }).catch(
      () => {},
    );
    return outcome;
  }
}

/** The body of the delivery's transaction: claim the Svix id (and lock), apply, record the outcome. */
async function applyDelivery(
  tx: Tx,
  svixId: string,
  type: string,
  event: PreparedEvent,
): Promise<DeliveryOutcome> {
  if (!(await claimDelivery(tx, { svixId, type, locks: event.locks }))) return { status: "duplicate", type };
  const changes = await event.apply(tx);
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

// Paths and messages only: zod's messages name the expected type, never the received value.
function describeIssues(error: z.ZodError): string {
  return `invalid payload: ${error.issues
    .slice(0, 5)
    .map((issue) => `data.${issue.path.join(".") || "(root)"} ${issue.message}`)
    .join("; ")}`;
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
    return unstored(type, recordError);
  }
  return { status: "failed", type, error };
}

/** A delivery our side could not store: "try later" when the database is out of reach, else a bug. */
function unstored(type: string, error: unknown): Extract<DeliveryOutcome, { error: string }> {
  const status = isDatabaseUnavailable(error) ? "unavailable" : "error";
  return { status, type, error: describeError(error) };
}

/** A short, loggable reason: the error's kind and last line, never the payload. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return "unknown error";
  const code = "code" in error && typeof error.code === "string" ? ` ${error.code}` : "";
  // Prisma's messages open with the call site and end with the cause.
  const cause = error.message.trim().split("\n").at(-1)?.trim() ?? "";
  return `${error.name}${code}: ${cause}`.slice(0, 300);
}

import "server-only";
import type { z } from "zod";
import type { Change, Tx } from "./changes";
import { recordMembershipActivity } from "./membership-audit";
import { applyMembershipSnapshot } from "./memberships";
import { applyOrganizationDeletion, applyOrganizationSnapshot } from "./organizations";
import {
  deletedObjectSchema,
  membershipSnapshotSchema,
  organizationSnapshotSchema,
  userSnapshotSchema,
} from "./payloads";
import { applyUserDeletion, applyUserSnapshot } from "./users";

/** A validated event, ready to apply inside the delivery's transaction. */
export type PreparedEvent = (tx: Tx) => Promise<Change[]>;

export type Preparation = { ok: true; apply: PreparedEvent } | { ok: false; error: string };

type Handler = (data: unknown) => Preparation;

function handler<S extends z.ZodType>(
  schema: S,
  apply: (tx: Tx, data: z.output<S>) => Promise<Change[]>,
): Handler {
  return (data) => {
    const parsed = schema.safeParse(data);
    if (!parsed.success) return { ok: false, error: describeIssues(parsed.error) };
    return {
      ok: true,
      apply: async (tx) => {
        const changes = await apply(tx, parsed.data);
        await recordMembershipActivity(tx, changes);
        return changes;
      },
    };
  };
}

// Paths and messages only: zod's messages name the expected type, never the received value.
function describeIssues(error: z.ZodError): string {
  return `invalid payload: ${error.issues
    .slice(0, 5)
    .map((issue) => `data.${issue.path.join(".") || "(root)"} ${issue.message}`)
    .join("; ")}`;
}

/** One entry per event type the sync handles; every other type is acknowledged and ignored. */
const handlers: Readonly<Record<string, Handler>> = {
  "user.created": handler(userSnapshotSchema, applyUserSnapshot),
  "user.updated": handler(userSnapshotSchema, applyUserSnapshot),
  "user.deleted": handler(deletedObjectSchema, applyUserDeletion),
  "organization.created": handler(organizationSnapshotSchema, applyOrganizationSnapshot),
  "organization.updated": handler(organizationSnapshotSchema, applyOrganizationSnapshot),
  "organization.deleted": handler(deletedObjectSchema, applyOrganizationDeletion),
  "organizationMembership.created": handler(membershipSnapshotSchema, (tx, membership) =>
    applyMembershipSnapshot(tx, membership, { deleted: false }),
  ),
  "organizationMembership.updated": handler(membershipSnapshotSchema, (tx, membership) =>
    applyMembershipSnapshot(tx, membership, { deleted: false }),
  ),
  "organizationMembership.deleted": handler(membershipSnapshotSchema, (tx, membership) =>
    applyMembershipSnapshot(tx, membership, { deleted: true }),
  ),
};

/** The handler of an event type, or null when the sync does not handle that type. */
export function prepareEvent(type: string, data: unknown): Preparation | null {
  const handle = Object.hasOwn(handlers, type) ? handlers[type] : undefined;
  return handle ? handle(data) : null;
}

export const HANDLED_EVENT_TYPES = Object.keys(handlers);

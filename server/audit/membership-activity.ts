import "server-only";
import type { Change, MembershipChange, Tx } from "../webhooks/clerk/changes";
import { CLERK_WEBHOOK_ACTOR, recordAuditEvent } from "./record";

const VERB_OF: Partial<Record<MembershipChange["change"], string>> = {
  created: "created",
  updated: "updated",
  tombstoned: "deleted",
};

function isMembershipChange(change: Change): change is MembershipChange {
  return change.object === "membership";
}

/**
 * Membership changes are part of an organization's activity (who joined, left, changed role), so
 * each one is recorded in the organization's audit log inside the delivery's own transaction: the
 * change and its record commit together, and a replayed delivery records nothing twice.
 * Details use the audit log's `changes` shape, naming the member by Clerk user id (not by name or
 * email, which `user.deleted` erases from `users` and must not survive in the log).
 */
export async function recordMembershipActivity(tx: Tx, changes: readonly Change[]): Promise<void> {
  for (const change of changes.filter(isMembershipChange)) {
    const verb = VERB_OF[change.change];
    // A newer `updated_at` with the same role is not news to an organization's admins.
    if (!verb || (change.change === "updated" && change.previousRole === change.role)) continue;
    await recordAuditEvent(tx, {
      organizationId: change.organizationId,
      actor: CLERK_WEBHOOK_ACTOR,
      action: `membership.${verb}`,
      target: { type: "membership", id: change.clerkId },
      details: {
        changes:
          verb === "created"
            ? { member: { from: null, to: change.userClerkId }, role: { from: null, to: change.role } }
            : verb === "deleted"
              ? { member: { from: change.userClerkId, to: null } }
              : { role: { from: change.previousRole, to: change.role } },
      },
    });
  }
}

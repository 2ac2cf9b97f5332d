import "server-only";
import { v7 as uuidv7 } from "uuid";
import { currentTenant, tenantScope } from "../../prisma/tenant-scope";
import type { Prisma } from "../generated/prisma/client";

/** Who acted: a Clerk user id (`user_…`), an API key (`key:<id>`), or a system actor such as the webhook sync. */
export const CLERK_WEBHOOK_ACTOR = "system:clerk-webhook";

export interface AuditEventInput {
  /** `organizations.id` (UUID) of the organization the change happened in. */
  organizationId: string;
  actor: string;
  /** `<object>.<verb>`: `project.created`, `task.updated`, `membership.deleted`, … */
  action: string;
  target: { type: string; id: string; label?: string };
  /** Changed fields and other facts worth keeping (never secrets or tokens). */
  details?: Prisma.InputJsonObject;
}

/**
 * Records an audit event inside the caller's transaction, so the change and its record commit or
 * roll back together.
 *
 * Works in a tenant transaction (the data access layer) and in one without a tenant (the webhook
 * sync). A tenant transaction keeps its tenant, and the row-level security policy refuses an event for
 * any other organization: an audit event can never be written across tenants by mistake. A
 * transaction without a tenant borrows the event's organization for the insert only and is left
 * without one again, so one webhook delivery may record events of several organizations (a deleted
 * user's memberships) and never reads tenant rows by accident.
 */
export async function recordAuditEvent(tx: Prisma.TransactionClient, event: AuditEventInput): Promise<void> {
  // One statement, not three (borrow, insert, give back): a webhook delivery records an event per
  // membership change, and each round trip costs more than the insert. Postgres runs it in data order:
  // `scope` borrows first (the row-level security check reads the setting when the row is inserted),
  // the outer select gives the tenant back once `inserted` has produced its row.
  await tx.$executeRaw`
    WITH scope AS (
      SELECT CASE WHEN ${currentTenant} = '' THEN ${tenantScope(event.organizationId)} END AS borrowed
    ), inserted AS (
      INSERT INTO audit_events
        (id, organization_id, actor, action, target_type, target_id, target_label, details)
      SELECT ${uuidv7()}::uuid, ${event.organizationId}::uuid, ${event.actor}, ${event.action},
             ${event.target.type}, ${event.target.id}, ${event.target.label ?? ""},
             ${JSON.stringify(event.details ?? {})}::jsonb
        FROM scope
      RETURNING 1
    )
    SELECT CASE WHEN scope.borrowed IS NOT NULL THEN ${tenantScope("")} END FROM scope, inserted`;
}

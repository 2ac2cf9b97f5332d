import "server-only";
import { type OrgContext, requireOrgContext } from "../auth/context";
import type { Permission } from "../auth/permissions";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { NotFoundError } from "./errors";

/**
 * The one way into tenant tables. `inTenant` reads the caller's organization from the verified
 * session (callers never pass one), checks the permission, and runs `work` in a transaction whose
 * `app.org_id` setting is that organization: Postgres row-level security then hides every other
 * organization's rows, even from a query that forgets its `where`.
 */

/** A Prisma transaction scoped to one organization by RLS: "the tenant client". */
export type TenantClient = Prisma.TransactionClient;

export interface Tenant {
  /** The `organizations.id` (UUID) that tenant rows reference. */
  organizationId: string;
  context: OrgContext;
}

export async function inTenant<T>(
  permission: Permission,
  work: (tx: TenantClient, tenant: Tenant) => Promise<T>,
): Promise<T> {
  const context = await requireOrgContext(permission);
  return db.$transaction(async (tx) => {
    const organizationId = await enterOrganization(tx, context);
    return work(tx, { organizationId, context });
  });
}

interface OrganizationRow {
  id: string;
  deleted: boolean;
}

async function enterOrganization(tx: TenantClient, context: OrgContext): Promise<string> {
  let row = await selectAndScope(tx, context.orgId);
  if (!row) {
    // The session names an organization whose `organization.created` webhook has not arrived yet.
    // Tenant rows need a parent row now, so create the same placeholder the webhook sync creates
    // (`clerk_updated_at` null): the webhook, when it comes, fills it in rather than conflicting.
    await tx.$executeRaw`
      INSERT INTO organizations (id, clerk_id, name, created_at, updated_at)
      VALUES (gen_random_uuid(), ${context.orgId}, ${context.orgSlug ?? context.orgId}, now(), now())
      ON CONFLICT (clerk_id) DO NOTHING`;
    row = await selectAndScope(tx, context.orgId);
  }
  // A deleted organization's data stays in the database (for the audit trail) but is unreachable.
  if (!row || row.deleted) throw new NotFoundError("Organization");
  return row.id;
}

function selectAndScope(tx: TenantClient, clerkOrgId: string): Promise<OrganizationRow | undefined> {
  // `set_config(…, true)` is local to this transaction: the pooled connection carries no tenant afterwards.
  return tx.$queryRaw<OrganizationRow[]>`
    SELECT id::text AS id, deleted_at IS NOT NULL AS deleted, set_config('app.org_id', id::text, true)
    FROM organizations WHERE clerk_id = ${clerkOrgId}`.then((rows) => rows[0]);
}

import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { tenantScope } from "../../prisma/tenant-scope";
import { type OrgContext, requireOrgContext } from "../auth/context";
import type { Permission } from "../auth/permissions";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { createOrganizationPlaceholder } from "../webhooks/clerk/placeholders";
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

// Set by `inOneTenantTransaction` below for the calls inside it.
const sharedTransaction = new AsyncLocalStorage<{ tx: TenantClient; organizationId: string }>();

export async function inTenant<T>(
  permission: Permission,
  work: (tx: TenantClient, tenant: Tenant) => Promise<T>,
): Promise<T> {
  const context = await requireOrgContext(permission);
  const joined = sharedTransaction.getStore();
  if (joined) return work(joined.tx, { organizationId: joined.organizationId, context });
  return db.$transaction(async (tx) => {
    const organizationId = await enterOrganization(tx, context);
    return work(tx, { organizationId, context });
  });
}

/**
 * Runs `work` in one tenant transaction of the caller's organization, which every `inTenant` call
 * inside it joins instead of opening its own: everything `work` causes commits together or not at
 * all. The idempotency layer (server/api/idempotency.ts) runs a keyed POST this way, so the POST's
 * writes and its stored answer cannot commit one without the other. A database error inside aborts
 * the whole transaction, so `work` must let it propagate rather than carry on.
 */
export async function inOneTenantTransaction<T>(
  work: (tx: TenantClient, tenant: Tenant) => Promise<T>,
): Promise<T> {
  const context = await requireOrgContext();
  return db.$transaction(async (tx) => {
    const organizationId = await enterOrganization(tx, context);
    return sharedTransaction.run({ tx, organizationId }, () => work(tx, { organizationId, context }));
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
    // Tenant rows need a parent row now: the sync's placeholder, which that webhook completes.
    await createOrganizationPlaceholder(tx, {
      clerkId: context.orgId,
      name: context.orgSlug ?? context.orgId,
      imageUrl: null,
    });
    row = await selectAndScope(tx, context.orgId);
  }
  // A deleted organization's data stays in the database (for the audit trail) but is unreachable.
  if (!row || row.deleted) throw new NotFoundError("Organization");
  return row.id;
}

function selectAndScope(tx: TenantClient, clerkOrgId: string): Promise<OrganizationRow | undefined> {
  return tx.$queryRaw<OrganizationRow[]>`
    SELECT id::text AS id, deleted_at IS NOT NULL AS deleted, ${tenantScope(Prisma.sql`id::text`)}
    FROM organizations WHERE clerk_id = ${clerkOrgId}`.then((rows) => rows[0]);
}

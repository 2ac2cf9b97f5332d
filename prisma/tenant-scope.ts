/**
 * The row-level security policies of the tenant tables (prisma/migrations) admit only rows of the
 * organization named by the transaction's `app.org_id` setting. This is the one place that reads or
 * writes that setting: the data access layer, the audit log and the seed all go through it.
 *
 * It lives beside the schema rather than under server/ because the seed runs as a plain script,
 * where `import "server-only"` would throw.
 */
import { Prisma } from "../server/generated/prisma/client";

/**
 * SQL that scopes the current transaction to an organization (`organizations.id`, or a SQL expression
 * yielding it; `""` clears it). Local to the transaction (`true`), so a pooled connection carries no
 * tenant afterwards, which keeps it safe behind a transaction-mode pooler. An expression, not a
 * statement, so a caller can scope in the same round trip as a query.
 */
export function tenantScope(organizationId: string | Prisma.Sql): Prisma.Sql {
  return Prisma.sql`set_config('app.org_id', ${organizationId}, true)`;
}

/** SQL for the organization the current transaction is scoped to, `''` when none. */
export const currentTenant: Prisma.Sql = Prisma.sql`coalesce(current_setting('app.org_id', true), '')`;

/** Scopes the rest of the transaction to one organization. */
export async function enterTenant(tx: Prisma.TransactionClient, organizationId: string): Promise<void> {
  await tx.$executeRaw`SELECT ${tenantScope(organizationId)}`;
}

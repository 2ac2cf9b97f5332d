import "server-only";
import type { PrismaClient } from "./generated/prisma/client";

interface RoleFacts {
  role: string;
  superuser: boolean;
  bypassRls: boolean;
  /** Superuser or BYPASSRLS roles this role may `SET ROLE` to. */
  privilegedRoles: string[];
  /** Row-secured tables this role owns, or may become the owner of. */
  ownedSecuredTables: string[];
  auditLogWritable: boolean;
}

// One round-trip at start-up, never per request.
const ROLE_FACTS_SQL = `
  SELECT r.rolname AS "role", r.rolsuper AS "superuser", r.rolbypassrls AS "bypassRls",
    ARRAY(SELECT m.rolname::text FROM pg_roles m
           WHERE m.oid <> r.oid AND (m.rolsuper OR m.rolbypassrls)
             AND pg_has_role(r.oid, m.oid, 'MEMBER') ORDER BY 1) AS "privilegedRoles",
    ARRAY(SELECT c.relname::text FROM pg_class c
           WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
             AND c.relrowsecurity AND pg_has_role(r.oid, c.relowner, 'MEMBER') ORDER BY 1) AS "ownedSecuredTables",
    COALESCE(has_table_privilege(to_regclass('audit_events'), 'UPDATE')
          OR has_table_privilege(to_regclass('audit_events'), 'DELETE'), false) AS "auditLogWritable"
  FROM pg_roles r WHERE r.rolname = current_user`;

const FIX =
  "Connect the app as the RLS-bound role app_user (or a login role IN ROLE app_user) — see docs/database-roles.md.";

/**
 * Why the role in DATABASE_URL must not serve the app, empty when it may. Each of these silently
 * turns row-level security off (a superuser or BYPASSRLS role skips every policy; a table's owner
 * can disable it), or lets the app rewrite the append-only audit log.
 */
export async function findDatabaseRoleProblems(db: PrismaClient): Promise<string[]> {
  const [facts] = await db.$queryRawUnsafe<RoleFacts[]>(ROLE_FACTS_SQL);
  if (!facts) return [];
  const role = `The role "${facts.role}" in DATABASE_URL`;
  const problems: string[] = [];
  // A superuser is everything below as well; the one line says it all.
  if (facts.superuser) return [`${role} is a superuser: row-level security does not apply to it.`, FIX];
  if (facts.bypassRls) problems.push(`${role} has BYPASSRLS: row-level security does not apply to it.`);
  if (facts.privilegedRoles.length > 0) {
    problems.push(
      `${role} is a member of ${facts.privilegedRoles.join(", ")} (superuser or BYPASSRLS) and can SET ROLE past row-level security.`,
    );
  }
  if (facts.ownedSecuredTables.length > 0) {
    problems.push(
      `${role} owns the tenant tables ${facts.ownedSecuredTables.join(", ")}, so it can turn their row-level security off. Run migrations as the owner (MIGRATION_DATABASE_URL), not the app.`,
    );
  }
  if (facts.auditLogWritable) {
    problems.push(
      `${role} may UPDATE or DELETE audit_events, which is append-only. Run \`npm run db:deploy\` (a migration revokes it).`,
    );
  }
  return problems.length > 0 ? [...problems, FIX] : [];
}

/**
 * Defense in depth, proven at the database: row-level security isolates organizations even from
 * code that forgets its filter, and the role the app connects as cannot switch it off.
 */
import "../support/app-clerk-env";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@/prisma/seed";
import { inTenant } from "@/server/data/tenant";
import { db } from "@/server/db";
import { organizationIdOf, withOwnerClient } from "../support/owner-db";
import { actAs, callers } from "../support/tenant-callers";

let acmeId: string;
let globexId: string;

beforeAll(async () => {
  await seedDemoData(db);
  acmeId = await organizationIdOf("org_demo_acme");
  globexId = await organizationIdOf("org_demo_globex");
  // The demo data gives both organizations projects and tasks, so "only ours" is a real filter.
  const counts = await withOwnerClient((client) =>
    client.query("SELECT organization_id, count(*)::int AS n FROM projects GROUP BY organization_id"),
  );
  expect(counts.rows).toHaveLength(2);
});

/** A plain connection as the app's role (DATABASE_URL), for statements Prisma would not send. */
async function withAppRoleClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

describe("row-level security through the tenant client", () => {
  it("returns only the current organization's rows to a query without any filter", async () => {
    const seen = await actAs(callers.aliceAdminOfAcme, () =>
      inTenant("projects:read", async (tx) => ({
        projects: await tx.project.findMany(),
        tasks: await tx.task.findMany(),
        auditEvents: await tx.auditEvent.findMany(),
        raw: await tx.$queryRaw<{ organization_id: string }[]>`SELECT organization_id::text FROM projects`,
      })),
    );
    expect(seen.projects.length).toBeGreaterThan(0);
    expect(seen.tasks.length).toBeGreaterThan(0);
    expect(new Set(seen.projects.map((row) => row.organizationId))).toEqual(new Set([acmeId]));
    expect(new Set(seen.tasks.map((row) => row.organizationId))).toEqual(new Set([acmeId]));
    expect(seen.auditEvents.every((row) => row.organizationId === acmeId)).toBe(true);
    expect(new Set(seen.raw.map((row) => row.organization_id))).toEqual(new Set([acmeId]));
  });

  it("refuses, inside a tenant transaction, a write for another organization", async () => {
    await expect(
      actAs(callers.aliceAdminOfAcme, () =>
        inTenant("projects:create", (tx) =>
          tx.project.create({
            data: { organizationId: globexId, name: "Smuggled", createdBy: "user_demo_alice" },
          }),
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    const smuggled = await withOwnerClient((client) =>
      client.query("SELECT 1 FROM projects WHERE name = 'Smuggled'"),
    );
    expect(smuggled.rowCount).toBe(0);
  });

  it("shows no tenant rows, and accepts no tenant writes, outside a tenant transaction", async () => {
    expect(await db.project.findMany()).toEqual([]);
    expect(await db.task.count()).toBe(0);
    expect(await db.auditEvent.count()).toBe(0);
    await expect(
      db.project.create({
        data: { organizationId: acmeId, name: "No tenant", createdBy: "user_demo_alice" },
      }),
    ).rejects.toThrow(/row-level security/);
  });

  it("forgets the tenant when the transaction ends, so a pooled connection carries none into the next", async () => {
    const after = await withAppRoleClient(async (client) => {
      await client.query("BEGIN");
      await client.query("SELECT set_config('app.org_id', $1, true)", [acmeId]);
      const inside = await client.query("SELECT count(*)::int AS n FROM projects");
      await client.query("COMMIT");
      const outside = await client.query("SELECT count(*)::int AS n FROM projects");
      return { inside: inside.rows[0].n as number, outside: outside.rows[0].n as number };
    });
    expect(after.inside).toBeGreaterThan(0);
    expect(after.outside).toBe(0);
  });
});

describe("the app's database role", () => {
  it("is neither a superuser nor BYPASSRLS, and owns none of the tenant tables", async () => {
    const role = await withAppRoleClient(async (client) => {
      const { rows } = await client.query(
        `SELECT current_user AS name, rolsuper, rolbypassrls,
                (SELECT array_agg(tablename::text ORDER BY tablename) FROM pg_tables
                  WHERE tableowner = current_user) AS owned
           FROM pg_roles WHERE rolname = current_user`,
      );
      return rows[0];
    });
    expect(role).toEqual({ name: "app_user", rolsuper: false, rolbypassrls: false, owned: null });
  });

  it("cannot bypass RLS: row_security off is refused, and it may not disable, drop or alter the policies", async () => {
    const attempts = await withAppRoleClient(async (client) => {
      const attempt = (sql: string) =>
        client.query(sql).then(
          () => "allowed",
          (error: Error) => error.message,
        );
      return {
        rowSecurityOff: await attempt("SET row_security = off; SELECT * FROM projects"),
        disable: await attempt("ALTER TABLE projects DISABLE ROW LEVEL SECURITY"),
        noForce: await attempt("ALTER TABLE tasks NO FORCE ROW LEVEL SECURITY"),
        dropPolicy: await attempt("DROP POLICY projects_tenant_isolation ON projects"),
        permissivePolicy: await attempt("CREATE POLICY open_door ON projects USING (true)"),
        becomeOwner: await attempt("SET ROLE postgres"),
        grantBypass: await attempt("ALTER ROLE app_user BYPASSRLS"),
      };
    });
    expect(attempts.rowSecurityOff).toMatch(/row-level security policy/);
    expect(attempts.disable).toMatch(/must be owner/);
    expect(attempts.noForce).toMatch(/must be owner/);
    expect(attempts.dropPolicy).toMatch(/must be owner/);
    expect(attempts.permissivePolicy).toMatch(/must be owner/);
    expect(attempts.becomeOwner).toMatch(/permission denied/);
    expect(attempts.grantBypass).toMatch(/permission denied/);
  });

  it("cannot read the migration history", async () => {
    const result = await withAppRoleClient((client) =>
      client.query("SELECT * FROM _prisma_migrations").then(
        () => "allowed",
        (error: Error) => error.message,
      ),
    );
    expect(result).toMatch(/permission denied/);
  });
});

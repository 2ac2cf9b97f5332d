import { afterAll, describe, expect, it } from "bun:test";
import { createPool, inTenant } from "../src/tenant";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set: run through `npm run test:services` (see README.md)");
const pool = createPool(url);
afterAll(() => pool.end());

const UNFILTERED = "SELECT DISTINCT organization_id::text AS id FROM projects";

async function organizationUuid(clerkOrgId: string): Promise<string> {
  // `organizations` is synced from Clerk and not a tenant table: the app role reads it directly.
  const { rows } = await pool.query<{ id: string }>(
    "SELECT id::text AS id FROM organizations WHERE clerk_id = $1",
    [clerkOrgId],
  );
  if (!rows[0]) throw new Error(`${clerkOrgId} is not in the database: is the demo data seeded?`);
  return rows[0].id;
}

describe("row-level security, not the service's filters, isolates organizations", () => {
  it("connects as a role that row-level security binds", async () => {
    const { rows } = await pool.query(
      "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user",
    );
    expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false }]);
  });

  it("shows an unfiltered query only the caller's rows", async () => {
    for (const clerkOrgId of ["org_demo_acme", "org_demo_globex"]) {
      const seen = await inTenant(
        pool,
        clerkOrgId,
        async ({ client }) => (await client.query(UNFILTERED)).rows,
      );
      expect(seen).toEqual([{ id: await organizationUuid(clerkOrgId) }]);
    }
  });

  it("shows no project outside a tenant transaction", async () => {
    const { rows } = await pool.query("SELECT count(*)::int AS count FROM projects");
    expect(rows).toEqual([{ count: 0 }]);
  });
});

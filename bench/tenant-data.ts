/**
 * Benchmark data: `organizations` organizations with `projectsPerOrg` projects each (and a few tasks
 * per project), written in bulk as the superuser — the app under test reads it as `app_user`, through
 * row-level security, like production.
 */
import pg from "pg";

export interface BenchDataset {
  organizations: number;
  projectsPerOrg: number;
  tasksPerProject: number;
}

export const benchOrgId = (index: number) => `org_bench_${index}`;
export const benchOrgSlug = (index: number) => `bench-${index}`;
export const BENCH_USER = "user_bench_admin";

export async function seedBenchData(ownerUrl: string, dataset: BenchDataset): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO users (id, clerk_id, email, first_name, last_name, clerk_updated_at, updated_at)
       VALUES (gen_random_uuid(), $1, 'bench@example.com', 'Bench', 'Admin', now(), now())`,
      [BENCH_USER],
    );
    await client.query(
      `INSERT INTO organizations (id, clerk_id, name, slug, clerk_updated_at, updated_at)
       SELECT uuidv7(), 'org_bench_' || i, 'Bench organization ' || i, 'bench-' || i, now(), now()
       FROM generate_series(0, $1 - 1) AS i`,
      [dataset.organizations],
    );
    await client.query(
      `INSERT INTO memberships (id, clerk_id, organization_id, user_id, role, clerk_updated_at, updated_at)
       SELECT uuidv7(), 'orgmem_bench_' || o.clerk_id, o.id, u.id, 'org:admin', now(), now()
       FROM organizations o, users u WHERE u.clerk_id = $1`,
      [BENCH_USER],
    );
    // Projects of all organizations interleaved in time, as real tenants' rows are.
    await client.query(
      `INSERT INTO projects (id, organization_id, name, description, status, created_by, updated_at)
       SELECT uuidv7(), o.id, 'Project ' || p, 'A benchmark project', 'active', $2, now()
       FROM generate_series(1, $1) AS p, organizations o`,
      [dataset.projectsPerOrg, BENCH_USER],
    );
    await client.query(
      `INSERT INTO tasks (id, organization_id, project_id, title, done, updated_at)
       SELECT uuidv7(), p.organization_id, p.id, 'Task ' || t, t % 2 = 0, now()
       FROM projects p, generate_series(1, $1) AS t`,
      [dataset.tasksPerProject],
    );
    await client.query("COMMIT");
    await client.query("ANALYZE");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

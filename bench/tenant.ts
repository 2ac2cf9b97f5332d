/**
 * `npm run bench:tenant`: does the tenant-scoped list stay fast as the number of organizations grows?
 *
 * Seeds 1,000 organizations × 200 projects (and 10 × 200 for comparison) into a throwaway PostgreSQL,
 * serves a production build (`next build`, `next start`) as the RLS-bound app role, and measures the
 * project list page and `GET /api/v1/projects` under 32 concurrent connections, each request as an
 * admin of a random organization with a session token Clerk verifies. Prints a table; the numbers
 * depend on the machine (and on whatever else it runs), so compare the two datasets side by side.
 *
 * `npm run bench -- --only tenant` runs it against the shared app's build; `tsx bench/tenant-cli.ts`
 * on its own, with a build of its own and a fuller table.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { enableLocalAppRole } from "../scripts/lib/app-role";
import { findFreePort, startEmbeddedPostgres } from "../scripts/lib/embedded-postgres";
import { deployMigrations } from "../scripts/lib/migrations";
import { type ClerkTestKeys, createClerkTestKeys, mintSession } from "../tests/support/clerk-tokens";
import { buildNextApp, type RunningServer, startNextServer } from "../tests/support/next-server";
import { OUTPUT_DIR } from "./lib/app";
import { stopProcessOnExit } from "./lib/processes";
import { percentile } from "./lib/stats";
import {
  adminQuery,
  BENCH_USER,
  type BenchDataset,
  benchOrgId,
  benchOrgSlug,
  seedBenchData,
  withDatabase,
} from "./tenant-data";
import { type LoadWindow, runLoad } from "./tenant-load";

export interface TenantBenchRow {
  scenario: string;
  organizations: number;
  projects: number;
  requests: number;
  errors: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  requestsPerSecond: number;
}

export interface TenantBenchOptions {
  organizationCounts?: number[];
  projectsPerOrg?: number;
  concurrency?: number;
  durationMs?: number;
  warmupMs?: number;
  /** Alternating measurement windows per dataset (their total is `durationMs`). */
  rounds?: number;
  build?: boolean;
  /**
   * The Clerk keys of an existing production build (`npm run bench` passes its shared app's, with
   * `build: false`): its publishable key is baked into that build, so tokens must match it.
   */
  keys?: ClerkTestKeys;
  log?: (line: string) => void;
}

interface Session {
  token: string;
  issuedAt: number;
}

const SCENARIOS: Array<{
  name: string;
  request: (tenant: { index: number; session: Session }) => { path: string; headers: Record<string, string> };
  checkBody?: (body: string) => string | null;
}> = [
  {
    name: "project list page",
    request: ({ index, session }) => ({
      path: `/orgs/${benchOrgSlug(index)}/projects`,
      headers: {
        // What a signed-in browser sends: Clerk's session cookie, and the cookies that spare a handshake.
        cookie: `__session=${session.token}; __client_uat=${session.issuedAt}; __clerk_db_jwt=bench`,
        accept: "text/html",
      },
    }),
    // A page answers 200 before it has rendered; only the list itself proves the request worked.
    checkBody: (body) => (body.includes('aria-label="Projects"') ? null : "200 without the project list"),
  },
  {
    name: "GET /api/v1/projects",
    request: ({ session }) => ({
      path: "/api/v1/projects",
      headers: { authorization: `Bearer ${session.token}` },
    }),
  },
];

/** Runs the benchmark and returns one row per scenario and dataset (for `npm run bench` to fold in). */
export async function runTenantBench(options: TenantBenchOptions = {}): Promise<TenantBenchRow[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const organizationCounts = options.organizationCounts ?? [1000, 10];
  const dataset = { projectsPerOrg: options.projectsPerOrg ?? 200, tasksPerProject: 3 };
  const concurrency = options.concurrency ?? 32;
  const durationMs = options.durationMs ?? 15_000;
  const warmupMs = options.warmupMs ?? 3_000;
  const rounds = options.rounds ?? 5;
  const keys = options.keys ?? createClerkTestKeys();
  const rows: TenantBenchRow[] = [];

  const dataDir = mkdtempSync(path.join(tmpdir(), "bench-tenant-pg-"));
  const postgres = await startEmbeddedPostgres({
    dataDir,
    port: await findFreePort(),
    database: "postgres",
    persistent: false,
  });
  try {
    const databases = new Map<number, string>();
    for (const organizations of organizationCounts) {
      const name = `bench_${organizations}`;
      await adminQuery(postgres.adminUrl, `CREATE DATABASE ${name}`);
      const ownerUrl = withDatabase(postgres.adminUrl, name);
      await deployMigrations(ownerUrl);
      const started = performance.now();
      await seedBenchData(ownerUrl, { ...dataset, organizations } satisfies BenchDataset);
      log(
        `▸ Seeded ${organizations} organizations × ${dataset.projectsPerOrg} projects in ${Math.round(performance.now() - started)} ms`,
      );
      databases.set(organizations, name);
    }
    const appRoleUrl = await enableLocalAppRole(postgres.adminUrl);

    const ports = new Map<number, number>();
    for (const organizations of organizationCounts) ports.set(organizations, await findFreePort());
    const appUrlOf = (organizations: number) => `http://localhost:${ports.get(organizations)}`;
    const appEnv = (databaseUrl: string, appUrl: string): NodeJS.ProcessEnv => ({
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      CLERK_TELEMETRY_DISABLED: "1",
      CHECKPOINT_DISABLE: "1",
      DATABASE_URL: databaseUrl,
      APP_URL: appUrl,
      CLERK_AUTHORIZED_PARTIES: appUrl,
      NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: keys.publishableKey,
      CLERK_SECRET_KEY: keys.secretKey,
      CLERK_JWT_KEY: keys.jwtPublicKey,
    });
    if (options.build ?? true) {
      log("▸ Building the app (next build)…");
      await buildNextApp(
        {
          env: appEnv(appRoleUrl, appUrlOf(organizationCounts[0] as number)),
          logFile: path.join(OUTPUT_DIR, "tenant-build.log"),
        },
        stopProcessOnExit,
      );
    }

    // Both datasets are served at once and measured in alternating windows, so that whatever else
    // the machine is doing weighs on both alike: the comparison is the point of this benchmark.
    const servers: RunningServer[] = [];
    try {
      const targets = [];
      for (const organizations of organizationCounts) {
        const appUrl = appUrlOf(organizations);
        const databaseUrl = withDatabase(appRoleUrl, databases.get(organizations) as string);
        servers.push(
          await startNextServer({
            env: appEnv(databaseUrl, appUrl),
            port: ports.get(organizations) as number,
            logFile: path.join(OUTPUT_DIR, `tenant-start-${organizations}.log`),
          }),
        );
        const sessions = Array.from({ length: organizations }, (_, index) =>
          mintSession(keys.jwtPrivateKey, {
            userId: BENCH_USER,
            orgId: benchOrgId(index),
            orgSlug: benchOrgSlug(index),
            orgRole: "org:admin",
            authorizedParty: appUrl,
            expiresIn: 3600,
          }),
        );
        targets.push({ organizations, appUrl, sessions });
      }

      for (const scenario of SCENARIOS) {
        const windows = new Map(targets.map((target) => [target.organizations, [] as LoadWindow[]]));
        for (let round = 0; round < rounds; round++) {
          for (const target of targets) {
            const pick = () => {
              const index = Math.floor(Math.random() * target.organizations);
              return { index, session: target.sessions[index] as (typeof target.sessions)[number] };
            };
            windows.get(target.organizations)?.push(
              await runLoad({
                baseUrl: target.appUrl,
                concurrency,
                durationMs: durationMs / rounds,
                warmupMs: round === 0 ? warmupMs : 500,
                nextRequest: () => scenario.request(pick()),
                checkBody: scenario.checkBody,
              }),
            );
          }
        }
        for (const target of targets) {
          const measured = windows.get(target.organizations) ?? [];
          const latencies = measured.flatMap((window) => window.latencies);
          // On a busy machine a short window can end before any request that started inside it.
          const at = (p: number) => (latencies.length > 0 ? percentile(latencies, p) : Number.NaN);
          const errors = measured.reduce((sum, window) => sum + window.errors, 0);
          const firstError = measured.find((window) => window.firstError)?.firstError;
          if (firstError)
            log(`  ✖ ${scenario.name}, ${target.organizations} orgs: ${errors} failed; first: ${firstError}`);
          rows.push({
            scenario: scenario.name,
            organizations: target.organizations,
            projects: target.organizations * dataset.projectsPerOrg,
            requests: latencies.length,
            errors,
            p50Ms: at(50),
            p95Ms: at(95),
            p99Ms: at(99),
            requestsPerSecond: latencies.length / (durationMs / 1000),
          });
        }
        log(
          `▸ ${scenario.name}: measured ${rounds} alternating rounds of ${durationMs / rounds / 1000} s per dataset`,
        );
      }
    } finally {
      for (const server of servers) await server.stop();
    }
  } finally {
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}

/**
 * `npm run bench:tenant`: does the tenant-scoped list stay fast as the number of organizations grows?
 *
 * Seeds 1,000 organizations × 200 projects (and 10 × 200 for comparison) into a throwaway PostgreSQL,
 * serves a production build (`next build`, `next start`) as the RLS-bound app role, and measures the
 * project list page and `GET /api/v1/projects` under 32 concurrent connections, each request as an
 * admin of a random organization with a session token Clerk verifies. Prints a table; the numbers
 * depend on the machine (and on whatever else it runs), so compare the two datasets side by side.
 *
 * Options (env): BENCH_DURATION_MS (default 15000 per scenario), BENCH_CONCURRENCY (32),
 * BENCH_SKIP_BUILD=1 to reuse an existing .next build made with this script's publishable key.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { enableLocalAppRole } from "../scripts/lib/app-role";
import { findFreePort, startEmbeddedPostgres } from "../scripts/lib/embedded-postgres";
import { deployMigrations } from "../scripts/lib/migrations";
import { type ClerkTestKeys, createClerkTestKeys, mintSession } from "../tests/support/clerk-tokens";
import { BENCH_USER, type BenchDataset, benchOrgId, benchOrgSlug, seedBenchData } from "./tenant-data";
import { type LoadWindow, percentile, runLoad } from "./tenant-load";

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

const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");

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
    if (options.build ?? process.env.BENCH_SKIP_BUILD !== "1") {
      log("▸ Building the app (next build)…");
      await runToEnd(
        spawn(process.execPath, [NEXT_BIN, "build"], {
          env: appEnv(appRoleUrl, appUrlOf(organizationCounts[0] as number)),
          stdio: "ignore",
        }),
      );
    }

    // Both datasets are served at once and measured in alternating windows, so that whatever else
    // the machine is doing weighs on both alike: the comparison is the point of this benchmark.
    const servers: Array<{ stop(): Promise<void> }> = [];
    try {
      const targets = [];
      for (const organizations of organizationCounts) {
        const appUrl = appUrlOf(organizations);
        const databaseUrl = withDatabase(appRoleUrl, databases.get(organizations) as string);
        servers.push(await startNext(appEnv(databaseUrl, appUrl), ports.get(organizations) as number));
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
          const latencies = measured.flatMap((window) => window.latencies).sort((a, b) => a - b);
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
            p50Ms: percentile(latencies, 0.5),
            p95Ms: percentile(latencies, 0.95),
            p99Ms: percentile(latencies, 0.99),
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

export function formatTenantBench(rows: TenantBenchRow[]): string {
  const fixed = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "—");
  const lines = [
    "| scenario | organizations | projects | requests | errors | p50 ms | p95 ms | p99 ms | req/s |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      (row) =>
        `| ${row.scenario} | ${row.organizations} | ${row.projects} | ${row.requests} | ${row.errors} | ${fixed(row.p50Ms)} | ${fixed(row.p95Ms)} | ${fixed(row.p99Ms)} | ${fixed(row.requestsPerSecond)} |`,
    ),
  ];
  const scenarios = [...new Set(rows.map((row) => row.scenario))];
  const counts = [...new Set(rows.map((row) => row.organizations))].sort((a, b) => b - a);
  if (counts.length >= 2) {
    const [many, few] = counts as [number, number];
    lines.push(
      "",
      `| scenario | p50 ratio ${many}/${few} orgs | p95 ratio ${many}/${few} orgs | p95 < 50 ms | ratio ≤ 1.3 |`,
    );
    lines.push("|---|---:|---:|---|---|");
    for (const scenario of scenarios) {
      const a = rows.find((row) => row.scenario === scenario && row.organizations === many);
      const b = rows.find((row) => row.scenario === scenario && row.organizations === few);
      if (!a || !b) continue;
      const ratio = a.p95Ms / b.p95Ms;
      const yes = (ok: boolean) => (ok ? "yes" : "no");
      lines.push(
        `| ${scenario} | ${(a.p50Ms / b.p50Ms).toFixed(2)} | ${ratio.toFixed(2)} | ${yes(Math.max(a.p95Ms, b.p95Ms) < 50)} | ${yes(ratio <= 1.3)} |`,
      );
    }
  }
  return lines.join("\n");
}

async function startNext(env: NodeJS.ProcessEnv, port: number): Promise<{ stop(): Promise<void> }> {
  // `-H localhost`, not 127.0.0.1: with the IP, Clerk's middleware sends requests around in a loop.
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-H", "localhost", "-p", String(port)], {
    env,
    stdio: "ignore",
    detached: true,
  });
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid, "SIGTERM");
    await exited;
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    const healthy = await fetch(`http://localhost:${port}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return { stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error("next start did not become healthy within 60 s");
}

function runToEnd(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) =>
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`next build exited with ${code}`)),
    ),
  );
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  runTenantBench({
    durationMs: Number(process.env.BENCH_DURATION_MS ?? 15_000),
    concurrency: Number(process.env.BENCH_CONCURRENCY ?? 32),
  })
    .then((rows) => {
      console.log(`\n${formatTenantBench(rows)}\n`);
      console.log(
        "Numbers are from this machine under whatever else it is running: compare the rows side by side.",
      );
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}

/**
 * The app as it runs in production, for measuring: `next build` (reused when current), a throwaway
 * embedded PostgreSQL on a free port with the migrations and seed data, and `next start` on another
 * free port, configured with Clerk keys made for this run and a local stand-in for Clerk's Backend
 * API (which verifies API keys); beside it, the bench's baseline app on the same database
 * (lib/baseline-app.ts). `stop()` (or Ctrl-C) ends all of it.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { seedDatabase } from "../../prisma/seed";
import { findFreePort, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { deployMigrations } from "../../scripts/lib/migrations";
import { type ClerkApiServer, startClerkApiServer } from "../../tests/support/clerk-api-server";
import { type RunningServer, startNextServer } from "../../tests/support/next-server";
import { type BaselineApp, startBaselineApp } from "./baseline-app";
import { ensureProductionBuild, type ProductionBuild } from "./build";
import { stopOnExit } from "./processes";
import { BenchSessions } from "./sessions";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Build and server logs (git-ignored). */
export const OUTPUT_DIR = path.join(PROJECT_ROOT, "test-results/bench");

export interface BenchAppOptions {
  /** Added to (and overriding) the environment of the build and the server. */
  env?: Record<string, string>;
  /** Added to the server's environment only (e.g. Next.js's NEXT_CPU_PROF). */
  serverEnv?: Record<string, string>;
  /** Fills the migrated database, as its owner. Default: the demo data of `npm run dev`. */
  seed?: (databaseUrl: string) => Promise<unknown>;
  /**
   * The URL the server connects with, made from the owner's URL after migrations and seed — e.g. a
   * role that row-level security binds, as in production. Default: the owner's URL.
   */
  serverDatabaseUrl?: (ownerUrl: string) => Promise<string>;
  log?: (line: string) => void;
}

export interface BenchApp {
  /** `http://localhost:<port>`. */
  baseUrl: string;
  /** The app's database as its owner (not the server's role): for a benchmark that adds rows of its own. */
  databaseUrl: string;
  /** Mints the session tokens this server accepts. */
  sessions: BenchSessions;
  /** The secret the server verifies Clerk webhooks with (CLERK_WEBHOOK_SIGNING_SECRET). */
  webhookSigningSecret: string;
  /** The Backend API stand-in the server verifies API keys with (CLERK_API_URL): create keys there. */
  clerkApi: ClerkApiServer;
  build: ProductionBuild;
  /** The bench's baseline app, serving the anchors on the same database. */
  baseline: BaselineApp;
  stop(): Promise<void>;
}

export async function startBenchApp(options: BenchAppOptions = {}): Promise<BenchApp> {
  const log = options.log ?? ((line: string) => console.log(`[bench] ${line}`));
  mkdirSync(OUTPUT_DIR, { recursive: true });

  const port = await findFreePort();
  // `localhost`, not 127.0.0.1: with the IP, Clerk's middleware proxies requests around in a loop.
  const baseUrl = `http://localhost:${port}`;
  const sessions = new BenchSessions(baseUrl);
  const { keys } = sessions;
  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    // Rate limits stay on, so what they cost is inside every figure (the hardening issue asked for it),
    // with budgets the bench's few callers never spend: one caller here sends far more than a person.
    // The limiter's path is the same (in-memory counts, a batched write per tenth of the budget).
    RATE_LIMIT_ENABLED: "true",
    RATE_LIMIT_API_PER_MINUTE: "6000000",
    RATE_LIMIT_ACTIONS_PER_MINUTE: "6000000",
    RATE_LIMIT_PUBLIC_PER_MINUTE: "6000000",
  };
  // The build never needs the database or the per-run keys; keeping them out keeps its fingerprint stable.
  delete baseEnv.DATABASE_URL;
  const buildEnv: NodeJS.ProcessEnv = {
    ...baseEnv,
    CLERK_TELEMETRY_DISABLED: "1",
    NEXT_PUBLIC_CLERK_TELEMETRY_DISABLED: "1",
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: keys.publishableKey,
    NEXT_PUBLIC_CLERK_SIGN_IN_URL: "/sign-in",
    NEXT_PUBLIC_CLERK_SIGN_UP_URL: "/sign-up",
    CLERK_SECRET_KEY: keys.secretKey,
    ...options.env,
  };

  const build = await ensureProductionBuild(PROJECT_ROOT, buildEnv, {
    logFile: path.join(OUTPUT_DIR, "next-build.log"),
    log,
  });

  const dataDir = mkdtempSync(path.join(tmpdir(), "orgs-bench-pg-"));
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  const forgetDataDir = stopOnExit(async () => removeDataDir());
  const postgres = await startEmbeddedPostgres({
    dataDir,
    port: await findFreePort(),
    database: "app",
    persistent: false,
  });
  const forgetPostgres = stopOnExit(() => postgres.stop());
  const stopDatabase = async () => {
    forgetPostgres();
    forgetDataDir();
    await postgres.stop();
    removeDataDir();
  };

  let serverDatabaseUrl = postgres.url;
  try {
    await deployMigrations(postgres.url);
    await (options.seed ?? seedDatabase)(postgres.url);
    if (options.serverDatabaseUrl) serverDatabaseUrl = await options.serverDatabaseUrl(postgres.url);
  } catch (error) {
    await stopDatabase();
    throw error;
  }

  let server: RunningServer;
  let baseline: BaselineApp;
  const clerkApi = await startClerkApiServer(keys.secretKey);
  try {
    server = await startNextServer({
      port,
      env: {
        ...buildEnv,
        DATABASE_URL: serverDatabaseUrl,
        APP_URL: baseUrl,
        CLERK_AUTHORIZED_PARTIES: baseUrl,
        CLERK_JWT_KEY: keys.jwtPublicKey,
        CLERK_WEBHOOK_SIGNING_SECRET: keys.webhookSigningSecret,
        CLERK_API_URL: clerkApi.apiUrl,
        ...options.env,
        ...options.serverEnv,
      },
      logFile: path.join(OUTPUT_DIR, "next-start.log"),
    });
  } catch (error) {
    await clerkApi.close();
    await stopDatabase();
    throw error;
  }
  const forgetServer = stopOnExit(server.stop);
  const stop = async () => {
    forgetServer();
    await server.stop();
    await clerkApi.close();
    await stopDatabase();
  };
  try {
    baseline = await startBaselineApp({
      root: PROJECT_ROOT,
      outputDir: OUTPUT_DIR,
      env: { ...baseEnv, NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: keys.publishableKey },
      databaseUrl: postgres.url,
      webhookSigningSecret: keys.webhookSigningSecret,
      log,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  log(`next start is serving ${baseUrl} (PostgreSQL on ${new URL(postgres.url).host})`);
  return {
    baseUrl,
    databaseUrl: postgres.url,
    sessions,
    webhookSigningSecret: keys.webhookSigningSecret,
    clerkApi,
    build,
    baseline,
    stop: async () => {
      await baseline.stop();
      await stop();
    },
  };
}

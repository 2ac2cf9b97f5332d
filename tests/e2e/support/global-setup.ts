/**
 * The browser and HTTP tests' world: Chromium, a throwaway PostgreSQL with the migrations and the
 * demo data, Clerk keys made for this run, and the app built once and served by `next start`.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { seedDatabase } from "../../../prisma/seed";
import { enableLocalAppRole } from "../../../scripts/lib/app-role";
import {
  findFreePort,
  type RunningPostgres,
  startEmbeddedPostgres,
} from "../../../scripts/lib/embedded-postgres";
import { type ClerkApiServer, startClerkApiServer } from "../../support/clerk-api-server";
import { billingJson } from "../../support/clerk-billing";
import { createClerkTestKeys, TEST_FRONTEND_API } from "../../support/clerk-tokens";
import { deployMigrationsInChildProcess } from "../../support/deploy-migrations";
import { buildNextApp, type RunningServer, startNextServer } from "../../support/next-server";
import { eventBody, svixHeaders } from "../../support/svix-signing";
import { ensureChromium } from "./chromium";
import type { E2eContext } from "./e2e-context";

const OUTPUT_DIR = path.resolve("test-results/e2e");
const DIST_DIR = ".next";

const log = (line: string) => console.log(`[e2e] ${line}`);

export default async function setup(project: TestProject) {
  const chromiumPath = ensureChromium(log);
  rmSync(OUTPUT_DIR, { recursive: true, force: true });
  mkdirSync(path.join(OUTPUT_DIR, "screenshots"), { recursive: true });

  let postgres: RunningPostgres | undefined;
  let app: RunningServer | undefined;
  let clerkApi: ClerkApiServer | undefined;
  const dataDir = mkdtempSync(path.join(tmpdir(), "starter-e2e-pg-"));
  const teardown = async () => {
    await app?.stop();
    await postgres?.stop();
    await clerkApi?.close();
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const keys = createClerkTestKeys();
    // Clerk's Backend API, which verifies API keys, stands in locally for this run's instance.
    clerkApi = await startClerkApiServer(keys.secretKey);
    postgres = await startEmbeddedPostgres({
      dataDir,
      port: await findFreePort(),
      database: "app",
      persistent: false,
    });
    await deployMigrationsInChildProcess(postgres.url);
    await seedDatabase(postgres.url);
    // The app connects as the RLS-bound `app_user`, as in production; migrations and seed ran as the owner.
    const appDatabaseUrl = await enableLocalAppRole(postgres.url);

    const port = await findFreePort();
    const baseUrl = `http://localhost:${port}`;
    const appEnv: Record<string, string> = {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      CLERK_TELEMETRY_DISABLED: "1",
      NEXT_PUBLIC_CLERK_TELEMETRY_DISABLED: "1",
      CHECKPOINT_DISABLE: "1",
      DATABASE_URL: appDatabaseUrl,
      APP_URL: baseUrl,
      NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: keys.publishableKey,
      NEXT_PUBLIC_CLERK_SIGN_IN_URL: "/sign-in",
      NEXT_PUBLIC_CLERK_SIGN_UP_URL: "/sign-up",
      CLERK_SECRET_KEY: keys.secretKey,
      CLERK_JWT_KEY: keys.jwtPublicKey,
      CLERK_API_URL: clerkApi.apiUrl,
      CLERK_WEBHOOK_SIGNING_SECRET: keys.webhookSigningSecret,
      // Every file shares this server and these callers; tests/integration/rate-limits.test.ts tests the limits.
      RATE_LIMIT_ENABLED: "false",
    };
    const runtimeEnv: NodeJS.ProcessEnv = { ...process.env, ...appEnv };
    // The build gets every secret (so the bundle scan has something to look for) except the JWT key:
    // the server receives that only at start, which proves it is read at run time, not baked in.
    const { CLERK_JWT_KEY: _readAtRunTime, ...buildEnv } = runtimeEnv;

    log("building the app (next build)…");
    const started = Date.now();
    await buildNextApp({ env: buildEnv, logFile: path.join(OUTPUT_DIR, "next-build.log") });
    log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s; starting next start on ${baseUrl}`);
    app = await startNextServer({ env: runtimeEnv, port, logFile: path.join(OUTPUT_DIR, "next-start.log") });
    await syncDemoPlans(baseUrl, keys.webhookSigningSecret);

    const context: E2eContext = {
      baseUrl,
      jwtPrivateKey: keys.jwtPrivateKey,
      jwtPublicKey: keys.jwtPublicKey,
      secretKey: keys.secretKey,
      clerkApiUrl: clerkApi.apiUrl,
      webhookSigningSecret: keys.webhookSigningSecret,
      publishableKey: keys.publishableKey,
      frontendApi: TEST_FRONTEND_API,
      chromiumPath,
      outputDir: OUTPUT_DIR,
      distDir: path.resolve(DIST_DIR),
      appEnv,
      ownerDatabaseUrl: postgres.url,
    };
    project.provide("e2e", context);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

/**
 * The demo world's session tokens say Acme is on Pro (prisma/demo-data.ts). Its synced subscription
 * says so too, delivered as Clerk's webhook would be, so that a credential without plan claims (an
 * API key, the CLI's key) sees the same plan whichever test file runs first.
 */
async function syncDemoPlans(baseUrl: string, secret: string): Promise<void> {
  const now = Date.now();
  const body = eventBody(
    "subscription.created",
    billingJson.subscription("csub_demo_acme", "org_demo_acme", now, {
      items: [billingJson.item("csi_demo_acme_pro", now, { plan: "pro", periodStart: now })],
    }),
  );
  const response = await fetch(`${baseUrl}/api/webhooks/clerk`, {
    method: "POST",
    headers: svixHeaders(body, { secret }),
    body,
  });
  if (!response.ok) throw new Error(`syncing Acme's demo plan answered ${response.status}`);
}

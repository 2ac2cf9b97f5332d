/**
 * The bench's own baseline app (bench/baseline-app/): the anchors the product is read against,
 * served by the same Next.js version on the same database, without the product's middleware, auth
 * or tenant scoping — the framework's ceiling for the same work, a naive webhook handler and a bare
 * page. Built like the product (reused when current) and served with the shared launcher.
 */
import path from "node:path";
import { securityHeaders } from "../../lib/config/security-headers";
import { findFreePort } from "../../scripts/lib/embedded-postgres";
import { startNextServer } from "../../tests/support/next-server";
import { ensureProductionBuild, type ProductionBuild } from "./build";
import { stopOnExit } from "./processes";

export const BASELINE_APP_DIR = "bench/baseline-app";

export interface BaselineApp {
  /** `http://localhost:<port>`. */
  baseUrl: string;
  build: ProductionBuild;
  stop(): Promise<void>;
}

export interface BaselineAppOptions {
  root: string;
  outputDir: string;
  /** The environment both apps share (telemetry off, NODE_ENV=production, the publishable key). */
  env: NodeJS.ProcessEnv;
  /** The product's database, as its owner: the baseline has no row-level security to satisfy. */
  databaseUrl: string;
  /** The secret the naive webhook handler verifies deliveries with, the product's own. */
  webhookSigningSecret: string;
  log: (line: string) => void;
}

export async function startBaselineApp(options: BaselineAppOptions): Promise<BaselineApp> {
  const { root, outputDir } = options;
  // The product's response headers (CSP, HSTS, …), made the way its next.config.ts makes them: part of
  // every page as served, not of the middleware or auth the anchors leave out. Handed over as JSON
  // because the baseline's next.config.ts cannot import the product's TypeScript.
  const responseHeaders = securityHeaders({
    publishableKey: options.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY || undefined,
    production: true,
  });
  const env = { ...options.env, BASELINE_RESPONSE_HEADERS: JSON.stringify(responseHeaders) };
  const build = await ensureProductionBuild(root, env, {
    appDir: BASELINE_APP_DIR,
    logFile: path.join(outputDir, "baseline-build.log"),
    log: options.log,
  });
  const server = await startNextServer({
    appDir: path.join(root, BASELINE_APP_DIR),
    port: await findFreePort(),
    env: {
      ...env,
      DATABASE_URL: options.databaseUrl,
      CLERK_WEBHOOK_SIGNING_SECRET: options.webhookSigningSecret,
    },
    logFile: path.join(outputDir, "baseline-start.log"),
  });
  const forget = stopOnExit(server.stop);
  options.log(`the baseline app is serving ${server.baseUrl}`);
  return {
    baseUrl: server.baseUrl,
    build,
    stop: async () => {
      forget();
      await server.stop();
    },
  };
}

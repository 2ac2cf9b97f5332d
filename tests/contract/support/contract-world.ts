/**
 * The world the services' tests and the contract suite run in: one PostgreSQL with the demo data,
 * Clerk keys made for this run, a local stand-in for Clerk's Backend API (which verifies organization
 * API keys), and all four backends on it — the Next.js app (built, `next start`), services/python,
 * services/go and services/bun — each configured with the run's keys, the stand-in's URL and the
 * app's origin as its only authorized party.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findFreePort } from "../../../scripts/lib/embedded-postgres";
import { type ClerkApiServer, startClerkApiServer } from "../../support/clerk-api-server";
import { createClerkTestKeys } from "../../support/clerk-tokens";
import { buildNextApp, startNextServer } from "../../support/next-server";
import type { Backend, ContractContext } from "./contract-context";
import { startContractDatabase } from "./contract-database";
import {
  buildServices,
  SERVICE_NAMES,
  SERVICES_ACCEPTING_API_KEYS,
  serviceEnvironment,
  startProjectsService,
} from "./projects-services";
import type { RunningService } from "./service-process";
import { ROOT } from "./toolchains";

const OUTPUT_DIR = path.join(ROOT, "test-results/contract");
const log = (line: string) => console.log(`[contract] ${line}`);

export interface ContractWorld {
  context: ContractContext;
  stop(): Promise<void>;
}

export async function startContractWorld(): Promise<ContractWorld> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const running: RunningService[] = [];
  const binDir = mkdtempSync(path.join(tmpdir(), "starter-contract-bin-"));
  log("starting PostgreSQL (migrations + demo data)…");
  const database = await startContractDatabase();
  let clerkApi: ClerkApiServer | undefined;
  const teardown = async () => {
    for (const service of running.reverse()) await service.stop();
    await clerkApi?.close();
    await database.stop();
    rmSync(binDir, { recursive: true, force: true });
  };

  try {
    const keys = createClerkTestKeys();
    clerkApi = await startClerkApiServer(keys.secretKey);
    const [appPort, pythonPort, secondAppPort, deadPort] = [
      await findFreePort(),
      await findFreePort(),
      await findFreePort(),
      await findFreePort(),
    ];
    // Where nothing listens: an insights service, a database and a Clerk Backend API that are down.
    const deadDatabaseUrl = Object.assign(new URL(database.appUrl), { port: String(deadPort) }).toString();
    const deadClerkApiUrl = `http://127.0.0.1:${deadPort}`;
    const appOrigin = `http://localhost:${appPort}`;
    const serviceEnv = serviceEnvironment({
      keys,
      authorizedParty: appOrigin,
      databaseUrl: database.appUrl,
      clerkApiUrl: clerkApi.apiUrl,
    });
    const appEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      CLERK_TELEMETRY_DISABLED: "1",
      NEXT_PUBLIC_CLERK_TELEMETRY_DISABLED: "1",
      CHECKPOINT_DISABLE: "1",
      DATABASE_URL: database.appUrl,
      APP_URL: appOrigin,
      CLERK_AUTHORIZED_PARTIES: appOrigin,
      NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: keys.publishableKey,
      CLERK_SECRET_KEY: keys.secretKey,
      CLERK_JWT_KEY: keys.jwtPublicKey,
      CLERK_API_URL: clerkApi.apiUrl,
      INSIGHTS_SERVICE_URL: `http://localhost:${pythonPort}`,
    };

    // CONTRACT_REUSE_BUILD=1 skips `next build` when a build exists: for iterating on a service locally.
    const reuseBuild =
      process.env.CONTRACT_REUSE_BUILD === "1" && existsSync(path.join(ROOT, ".next/BUILD_ID"));
    log(
      `${reuseBuild ? "reusing the app's build; building" : "building the app (next build) and"} the Go service…`,
    );
    await Promise.all([
      reuseBuild
        ? Promise.resolve()
        : buildNextApp({ env: appEnv, logFile: path.join(OUTPUT_DIR, "next-build.log") }),
      buildServices(binDir),
    ]);
    const backends: Backend[] = [];
    for (const name of SERVICE_NAMES) {
      const start = async (port: number, variant: "" | "-database-down") => {
        log(`starting services/${name}${variant} on :${port}`);
        const started = await startProjectsService(name, {
          binDir,
          port,
          env: variant
            ? { ...serviceEnv, DATABASE_URL: deadDatabaseUrl, CLERK_API_URL: deadClerkApiUrl }
            : serviceEnv,
          // Up, and reporting its database unreachable.
          healthyStatus: variant ? 503 : 200,
          label: `services/${name}${variant}`,
          logFile: path.join(OUTPUT_DIR, `${name}${variant}.log`),
        });
        running.push(started);
        return started.baseUrl;
      };
      backends.push({
        name,
        baseUrl: await start(name === "python" ? pythonPort : await findFreePort(), ""),
        healthPath: "/health",
        databaseDownUrl: await start(await findFreePort(), "-database-down"),
        acceptsApiKeys: SERVICES_ACCEPTING_API_KEYS.includes(name),
      });
    }
    log(`starting the app on ${appOrigin}`);
    const app = await startNextServer({
      env: appEnv,
      port: appPort,
      logFile: path.join(OUTPUT_DIR, "next-start.log"),
    });
    running.push(app);
    backends.unshift({ name: "next", baseUrl: app.baseUrl, healthPath: "/api/health", acceptsApiKeys: true });
    // The same build once more, its insights service pointed at a port where nothing listens.
    const appWithInsightsDown = await startNextServer({
      env: {
        ...appEnv,
        APP_URL: `http://localhost:${secondAppPort}`,
        INSIGHTS_SERVICE_URL: `http://localhost:${deadPort}`,
      },
      port: secondAppPort,
      logFile: path.join(OUTPUT_DIR, "next-start-insights-down.log"),
    });
    running.push(appWithInsightsDown);

    return {
      context: {
        backends,
        appOrigin,
        appWithInsightsDownUrl: appWithInsightsDown.baseUrl,
        jwtPrivateKey: keys.jwtPrivateKey,
        clerkApiUrl: clerkApi.apiUrl,
        clerkSecretKey: keys.secretKey,
        ownerDatabaseUrl: database.ownerUrl,
        appDatabaseUrl: database.appUrl,
      },
      stop: teardown,
    };
  } catch (error) {
    await teardown();
    throw error;
  }
}

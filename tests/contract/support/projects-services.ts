/**
 * How the three services are built and started, the same way for the contract suite and for
 * `npm run bench`: each on its own port, configured like a deployment (the app's Clerk keys, the
 * app's origin as the only authorized party, the RLS-bound database role).
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { ClerkTestKeys } from "../../support/clerk-tokens";
import { type RunningService, startService } from "./service-process";
import { BUN, PYTHON, ROOT } from "./toolchains";

export const SERVICE_NAMES = ["python", "go", "bun"] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];
/** The services whose Clerk SDK verifies organization API keys; clerk-sdk-go v2.4 cannot. */
export const SERVICES_ACCEPTING_API_KEYS: readonly ServiceName[] = ["python", "bun"];

const GO_BINARY = "projects-service";

function commandOf(name: ServiceName, binDir: string, port: number): { command: string; args: string[] } {
  switch (name) {
    case "python":
      return {
        command: PYTHON,
        args: [
          "-m",
          "uvicorn",
          "--factory",
          "projects_service.main:app",
          "--host",
          "localhost",
          "--port",
          `${port}`,
        ],
      };
    case "go":
      return { command: path.join(binDir, GO_BINARY), args: [] };
    case "bun":
      return { command: BUN, args: ["src/server.ts"] };
  }
}

/** Compiles what needs compiling (the Go service) into `binDir`. */
export async function buildServices(binDir: string): Promise<void> {
  await promisify(execFile)("go", ["build", "-o", path.join(binDir, GO_BINARY), "."], {
    cwd: path.join(ROOT, "services/go"),
  });
}

export function serviceEnvironment(options: {
  keys: ClerkTestKeys;
  authorizedParty: string;
  databaseUrl: string;
  /** Clerk's Backend API, which verifies organization API keys; Clerk's own when not given. */
  clerkApiUrl?: string;
}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    CLERK_JWT_KEY: options.keys.jwtPublicKey,
    CLERK_AUTHORIZED_PARTIES: options.authorizedParty,
    DATABASE_URL: options.databaseUrl,
    CLERK_SECRET_KEY: options.keys.secretKey,
    CLERK_PUBLISHABLE_KEY: options.keys.publishableKey,
    ...(options.clerkApiUrl ? { CLERK_API_URL: options.clerkApiUrl } : {}),
    CLERK_TELEMETRY_DISABLED: "1",
  };
}

export interface StartServiceOptions {
  binDir: string;
  port: number;
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** The health route's status once up: 503 for a service meant to run without its database. */
  healthyStatus?: number;
  label?: string;
}

export function startProjectsService(
  name: ServiceName,
  options: StartServiceOptions,
): Promise<RunningService> {
  return startService({
    name: options.label ?? `services/${name}`,
    ...commandOf(name, options.binDir, options.port),
    cwd: path.join(ROOT, "services", name),
    port: options.port,
    env: options.env,
    healthPath: "/health",
    healthyStatus: options.healthyStatus,
    logFile: options.logFile,
  });
}

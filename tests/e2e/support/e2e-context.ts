import { inject } from "vitest";

/** What the e2e global setup hands to every browser and HTTP test. */
export interface E2eContext {
  /** `http://localhost:<port>` of the `next start` server. */
  baseUrl: string;
  /** The run's private key: tests sign session tokens with it; the app only has the public half. */
  jwtPrivateKey: string;
  /** Values the app was built and started with, for the "no secret in the bundle" scan. */
  secretKey: string;
  /** The local stand-in for Clerk's Backend API the app verifies API keys with (create and revoke them there). */
  clerkApiUrl: string;
  webhookSigningSecret: string;
  publishableKey: string;
  jwtPublicKey: string;
  /** Clerk's Frontend API host from the publishable key: a handshake redirect goes there. */
  frontendApi: string;
  chromiumPath: string;
  /** Where screenshots and logs go (git-ignored). */
  outputDir: string;
  /** The `next build` output directory. */
  distDir: string;
  /** The environment `next start` runs with on top of the process's, for tests that start more instances. */
  appEnv: Record<string, string>;
  /** The database's owner (migrations, seed, CREATE DATABASE) on the run's PostgreSQL. */
  ownerDatabaseUrl: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    e2e: E2eContext;
  }
}

export function e2eContext(): E2eContext {
  return inject("e2e");
}

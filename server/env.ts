import "server-only";
import { parseServerEnv, type ServerEnv } from "@/lib/config/env-schema";
import { lazyObject } from "./lazy-object";

let parsed: ServerEnv | undefined;

/**
 * The server's configuration, parsed from `process.env` on first use and kept for the process.
 * `instrumentation.ts` calls this when the server starts, so a typo or a missing value stops start-up
 * with a message naming the variable instead of failing deep inside a request. Importing this module
 * reads nothing: scripts and tests may set `process.env` after their imports.
 */
export function loadServerEnv(): ServerEnv {
  parsed ??= parseServerEnv(process.env, {
    forBuild: process.env.NEXT_PHASE === "phase-production-build",
  });
  return parsed;
}

/** Read settings from here, never from `process.env` directly (see `loadServerEnv`). */
export const env: ServerEnv = lazyObject(loadServerEnv);

/** False when the Clerk keys are not set: public pages work, signed-in areas explain what to set. */
export function isClerkConfigured(): boolean {
  return loadServerEnv().clerk !== null;
}

import "server-only";
import { parseServerEnv } from "@/lib/config/env-schema";

/**
 * The server's configuration, validated once when the server starts (see `instrumentation.ts`).
 * Read settings from here, never from `process.env` directly, so a typo or a missing value fails
 * loudly at start-up instead of deep inside a request.
 */
export const env = parseServerEnv(process.env, {
  forBuild: process.env.NEXT_PHASE === "phase-production-build",
});

export const clerkConfigured = env.clerk !== null;

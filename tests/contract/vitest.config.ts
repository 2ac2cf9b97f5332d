/**
 * The contract suite, run by `npm run test:services` (never by `npm test`: it needs Python, Go and
 * Bun besides Node.js). One set of cases against every backend that serves the REST API.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("../..", import.meta.url));

export default defineConfig({
  root,
  resolve: {
    alias: {
      "@/": root,
      "server-only": fileURLToPath(new URL("../../node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    name: "contract",
    include: ["tests/contract/**/*.test.ts"],
    env: { CHECKPOINT_DISABLE: "1", CLERK_TELEMETRY_DISABLED: "1" },
    globalSetup: ["tests/contract/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@/": root,
      // `server-only` throws outside React's server build; tests exercise server modules directly.
      "server-only": fileURLToPath(new URL("node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    env: { CHECKPOINT_DISABLE: "1", CLERK_TELEMETRY_DISABLED: "1" },
    projects: [
      {
        extends: true,
        // bench/ brings its own tests; deleting the folder removes them with it.
        test: { name: "unit", include: ["tests/unit/**/*.test.ts", "bench/**/*.test.ts"] },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          // One throwaway PostgreSQL for the run; each test file gets its own database cloned from a
          // migrated template, so files run in parallel without sharing state.
          globalSetup: ["tests/support/postgres-global-setup.ts"],
          setupFiles: ["tests/support/database-per-file.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "pooled",
          // The tenant-isolation and webhook files again, with the app's connections going through
          // PgBouncer in transaction mode (installed with apt when missing): per-transaction
          // `set_config` and transaction-scoped advisory locks must hold behind a pooler.
          include: [
            "tests/integration/tenant-isolation-matrix.test.ts",
            "tests/integration/rls-isolation.test.ts",
            "tests/integration/webhook-convergence.test.ts",
            "tests/integration/webhook-concurrency.test.ts",
            "tests/integration-pooled/**/*.test.ts",
          ],
          globalSetup: [
            "tests/support/postgres-global-setup.ts",
            "tests/integration-pooled/pgbouncer-global-setup.ts",
          ],
          setupFiles: ["tests/support/database-per-file.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          // Chromium (installed with apt when missing), a throwaway PostgreSQL with the demo data, and
          // the app built once and served by `next start`; every file shares that one server.
          globalSetup: ["tests/e2e/support/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});

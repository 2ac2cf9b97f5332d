/**
 * `npm run db:deploy` against `ownerUrl`, in a process of its own. Prisma's schema engine (WebAssembly)
 * must not be loaded twice into one process — two instances crash each other — and vitest evaluates
 * each test project's global setup in a module graph of its own, so two projects that migrated in the
 * runner's process would load it twice.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

export async function deployMigrationsInChildProcess(ownerUrl: string): Promise<void> {
  const { MIGRATION_DATABASE_URL: _ignored, ...env } = process.env;
  await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/db.ts", "deploy"], {
    env: { ...env, DATABASE_URL: ownerUrl, CHECKPOINT_DISABLE: "1" },
  });
}

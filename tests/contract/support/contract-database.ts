/**
 * The one throwaway PostgreSQL that every backend under test shares: migrations and the demo data
 * applied as the owner, and a login for the RLS-bound `app_user` that the app and the services use.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { seedDatabase } from "../../../prisma/seed";
import { enableLocalAppRole } from "../../../scripts/lib/app-role";
import { findFreePort, startEmbeddedPostgres } from "../../../scripts/lib/embedded-postgres";

export interface ContractDatabase {
  /** The tables' owner: for the tests' own expectations, never for a backend. */
  ownerUrl: string;
  /** `app_user`, bound by row-level security: what every backend connects as. */
  appUrl: string;
  stop(): Promise<void>;
}

export async function startContractDatabase(): Promise<ContractDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "starter-contract-pg-"));
  const server = await startEmbeddedPostgres({
    dataDir,
    port: await findFreePort(),
    database: "app",
    persistent: false,
  });
  const stop = async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // `npm run db:deploy` in its own process: one schema engine per process, as the e2e setup does.
    await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/db.ts", "deploy"], {
      env: { ...process.env, DATABASE_URL: server.url, CHECKPOINT_DISABLE: "1" },
    });
    await seedDatabase(server.url);
    return { ownerUrl: server.url, appUrl: await enableLocalAppRole(server.url), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

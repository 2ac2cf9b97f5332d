/**
 * Scripts (migrations, seed) run as the tables' owner: MIGRATION_DATABASE_URL, else DATABASE_URL when
 * set, and otherwise the project's embedded PostgreSQL under `.data/` — the same server `npm run dev`
 * uses — started for the script's duration.
 */
import "dotenv/config";
import { type RunningPostgres, startEmbeddedPostgres } from "./embedded-postgres";

export const EMBEDDED_DATA_DIR = ".data/postgres";
export const EMBEDDED_DATABASE = "app";

export function embeddedPort(): number {
  const raw = process.env.EMBEDDED_POSTGRES_PORT;
  const port = raw ? Number.parseInt(raw, 10) : 54329;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`EMBEDDED_POSTGRES_PORT must be a TCP port number (1-65535), got "${raw}"`);
  }
  return port;
}

export function startProjectPostgres(): Promise<RunningPostgres> {
  return startEmbeddedPostgres({
    dataDir: EMBEDDED_DATA_DIR,
    port: embeddedPort(),
    database: EMBEDDED_DATABASE,
    persistent: true,
  });
}

export async function withDatabaseUrl<T>(run: (databaseUrl: string) => Promise<T>): Promise<T> {
  const configured = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
  if (configured) return run(configured);
  const server = await startProjectPostgres();
  try {
    return await run(server.url);
  } finally {
    await server.stop();
  }
}

/** Prints a readable message instead of a stack trace for the failures a person can fix. */
export function exitWithError(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`\n✖ ${message}`);
  if (process.env.DEBUG && error instanceof Error && error.stack) console.error(error.stack);
  process.exit(1);
}

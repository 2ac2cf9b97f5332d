/**
 * Scripts (migrations, seed) run as the tables' owner: MIGRATION_DATABASE_URL, else DATABASE_URL when
 * set, and otherwise the project's embedded PostgreSQL under `.data/` — the same server `npm run dev`
 * uses: the one `npm run dev` is running, or one started for the script's duration.
 */
import "dotenv/config";
import {
  findRunningPostgres,
  postgresUrl,
  type RunningPostgres,
  startEmbeddedPostgres,
} from "./embedded-postgres";

export const EMBEDDED_DATABASE = "app";

/** `.data/postgres`, or EMBEDDED_POSTGRES_DIR (a second checkout, the scripts' own tests). */
export function embeddedDataDir(): string {
  return process.env.EMBEDDED_POSTGRES_DIR || ".data/postgres";
}

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
    dataDir: embeddedDataDir(),
    port: embeddedPort(),
    database: EMBEDDED_DATABASE,
    persistent: true,
  });
}

export async function withDatabaseUrl<T>(run: (databaseUrl: string) => Promise<T>): Promise<T> {
  const configured = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
  if (configured) return run(configured);
  // A developer runs `db:migrate` in a second terminal while `npm run dev` runs: use that server.
  const running = findRunningPostgres(embeddedDataDir());
  if (running) return run(postgresUrl(running.port, EMBEDDED_DATABASE));
  const server = await startProjectPostgres();
  try {
    return await run(server.url);
  } finally {
    await server.stop();
  }
}

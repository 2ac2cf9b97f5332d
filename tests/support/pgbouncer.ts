/**
 * PgBouncer in transaction mode — the pooler managed Postgres services put in front — in front of a
 * test PostgreSQL: every database of that server is reachable through it under the same name, as the
 * roles whose passwords it is given. A transaction, not a session, owns a server connection, so
 * anything the app left on a connection between transactions would leak to another client here.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findFreePort } from "../../scripts/lib/embedded-postgres";
import { ensureDebianCommand } from "./debian-package";
import { startDaemon } from "./server-process";

export interface RunningPgBouncer {
  /** `url` with PgBouncer's host and port instead of the server's: the same role and database. */
  pooledUrl(url: string): string;
  logFile: string;
  stop(): Promise<void>;
}

/** `roleUrls`: one URL per role that will connect (user and password are read from it). */
export async function startPgBouncer(options: {
  serverUrl: string;
  roleUrls: string[];
  log?: (line: string) => void;
}): Promise<RunningPgBouncer> {
  const binary = ensureDebianCommand("pgbouncer", "pgbouncer", options.log);
  const server = new URL(options.serverUrl);
  const port = await findFreePort();
  const dir = mkdtempSync(path.join(tmpdir(), "starter-pgbouncer-"));
  // PgBouncer refuses to run as root; as root it drops to `nobody`, which must read the files.
  chmodSync(dir, 0o755);
  const userlist = options.roleUrls
    .map((url) => new URL(url))
    .map((url) => `"${decodeURIComponent(url.username)}" "${decodeURIComponent(url.password)}"`);
  writeFileSync(path.join(dir, "userlist.txt"), `${userlist.join("\n")}\n`, { mode: 0o644 });
  const config = [
    "[databases]",
    // The fallback entry: every database on the server (each test file makes its own) under its own name.
    `* = host=${server.hostname === "localhost" ? "127.0.0.1" : server.hostname} port=${server.port}`,
    "[pgbouncer]",
    "listen_addr = 127.0.0.1",
    `listen_port = ${port}`,
    "unix_socket_dir =",
    "pool_mode = transaction",
    "auth_type = scram-sha-256",
    `auth_file = ${path.join(dir, "userlist.txt")}`,
    "max_client_conn = 1000",
    "default_pool_size = 10",
    // node-postgres sends none of these, other drivers do; PgBouncer refuses unknown ones by default.
    "ignore_startup_parameters = extra_float_digits,options",
    "",
  ].join("\n");
  const configFile = path.join(dir, "pgbouncer.ini");
  writeFileSync(configFile, config, { mode: 0o644 });
  const logFile = path.join(dir, "pgbouncer.log");
  const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const daemon = await startDaemon({
    command: binary,
    args: [...(asRoot ? ["-u", "nobody"] : []), configFile],
    port,
    logFile,
  });
  return {
    pooledUrl(url) {
      const pooled = new URL(url);
      pooled.hostname = "127.0.0.1";
      pooled.port = String(port);
      return pooled.toString();
    },
    logFile,
    async stop() {
      await daemon.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

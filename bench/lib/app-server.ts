/**
 * A production build of the app (`next build` + `next start`) on a throwaway embedded PostgreSQL,
 * for benchmarks. Everything it starts is stopped by `stop()`.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findFreePort, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { deployMigrations } from "../../scripts/lib/migrations";

export interface AppServer {
  baseUrl: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

export function buildApp(): void {
  const result = spawnSync("npx", ["next", "build"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed");
}

export async function startAppServer(env: Record<string, string>): Promise<AppServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "bench-pg-"));
  const postgres = await startEmbeddedPostgres({
    dataDir,
    port: await findFreePort(),
    database: "bench",
    persistent: false,
  });
  let next: ChildProcess | undefined;
  const stop = async () => {
    // `next start` runs in its own process group: end it and its workers together.
    if (next?.pid && next.exitCode === null) {
      try {
        process.kill(-next.pid, "SIGTERM");
      } catch {}
      await new Promise((resolve) => next?.once("exit", resolve));
    }
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await deployMigrations(postgres.url);
    const port = await findFreePort();
    let stderr = "";
    next = spawn("npx", ["next", "start", "-H", "localhost", "-p", String(port)], {
      detached: true,
      stdio: ["ignore", "ignore", "pipe"],
      env: {
        ...process.env,
        ...env,
        NODE_ENV: "production",
        DATABASE_URL: postgres.url,
        NEXT_TELEMETRY_DISABLED: "1",
      },
    });
    next.stderr?.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    const baseUrl = `http://localhost:${port}`;
    await waitUntilHealthy(baseUrl, () => stderr);
    return { baseUrl, databaseUrl: postgres.url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitUntilHealthy(baseUrl: string, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next start did not become healthy within 60 s:\n${stderr()}`);
}

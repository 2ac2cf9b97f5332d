/**
 * Builds the app once (`next build`) and serves it with `next start`, the way it runs in production.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import path from "node:path";

const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");

export interface RunningApp {
  baseUrl: string;
  stop(): Promise<void>;
}

function run(args: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const log = createWriteStream(logFile);
  // Its own process group, so stopping it also stops whatever Next.js started.
  const child = spawn(process.execPath, [NEXT_BIN, ...args], { env, detached: true, stdio: "pipe" });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no output)";
  }
}

export async function buildApp(env: NodeJS.ProcessEnv, logFile: string): Promise<void> {
  const child = run(["build"], env, logFile);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0)
    throw new Error(`next build failed (exit ${code}); last lines of ${logFile}:\n${tail(logFile)}`);
}

export async function startApp(
  env: NodeJS.ProcessEnv,
  port: number,
  logFile: string,
  timeoutMs = 60_000,
): Promise<RunningApp> {
  // `-H localhost`, not 127.0.0.1: with the IP, Clerk's middleware sends requests around in a loop.
  const child = run(["start", "-H", "localhost", "-p", String(port)], env, logFile);
  const baseUrl = `http://localhost:${port}`;
  let exited = false;
  child.on("exit", () => {
    exited = true;
  });

  const stop = async () => {
    if (exited || child.pid === undefined) return;
    const done = new Promise((resolve) => child.on("exit", resolve));
    process.kill(-child.pid, "SIGTERM");
    const killer = setTimeout(() => {
      if (!exited && child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    }, 5_000);
    await done;
    clearTimeout(killer);
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`next start exited early; last lines of ${logFile}:\n${tail(logFile)}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return { baseUrl, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(
    `next start did not answer /api/health within ${timeoutMs} ms; see ${logFile}:\n${tail(logFile)}`,
  );
}

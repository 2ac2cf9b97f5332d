/**
 * The one way to build a Next.js app and serve it the way it runs in production (`next build`,
 * `next start`), waiting until it answers `/api/health`. The e2e tests serve the product with it;
 * the benchmark lab (bench/) serves the product and its own baseline app with it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const NEXT_BIN = path.join(PROJECT_ROOT, "node_modules/next/dist/bin/next");

export interface ManagedProcess {
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  hasExited(): boolean;
  /** SIGTERM to the whole process group, SIGKILL after 5 s. */
  stop(): Promise<void>;
}

export interface NextAppOptions {
  /** The app's directory; default: the product at the project root. */
  appDir?: string;
  env: NodeJS.ProcessEnv;
  /** Where the command's output goes; its end is quoted when the command fails. */
  logFile: string;
}

export interface RunningServer {
  /** `http://localhost:<port>`. */
  baseUrl: string;
  hasExited(): boolean;
  stop(): Promise<void>;
}

/**
 * Runs `node <args>` in its own process group with output to `logFile`, so stopping it also stops
 * whatever it started (Next.js forks workers).
 */
export function startNodeProcess(args: string[], env: NodeJS.ProcessEnv, logFile: string): ManagedProcess {
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  // Two streams into one file: whichever ends first must not close it under the other.
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  child.once("close", () => log.end());
  let done = false;
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => {
      done = true;
      resolve(code);
    });
  });
  const stop = async () => {
    if (done || child.pid === undefined) return;
    signalGroup(child.pid, "SIGTERM");
    const killer = setTimeout(() => child.pid !== undefined && signalGroup(child.pid, "SIGKILL"), 5_000);
    await exited;
    clearTimeout(killer);
  };
  return { child, exited, hasExited: () => done, stop };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** `next build`; `onStart` sees the process (e.g. to stop it on Ctrl-C). Rejects with the log's end. */
export async function buildNextApp(
  options: NextAppOptions,
  onStart?: (build: ManagedProcess) => void,
): Promise<void> {
  const build = startNodeProcess([NEXT_BIN, "build", ...appDirArg(options)], options.env, options.logFile);
  onStart?.(build);
  const code = await build.exited;
  if (code !== 0) {
    throw new Error(
      `next build failed (exit ${code}); the end of ${options.logFile}:\n${tailOf(options.logFile)}`,
    );
  }
}

/** `next start` on `port`, resolved once `/api/health` answers 2xx; stopped again if it never does. */
export async function startNextServer(
  options: NextAppOptions & { port: number; timeoutMs?: number },
): Promise<RunningServer> {
  const { port, logFile, timeoutMs = 60_000 } = options;
  // `-H localhost`, not 127.0.0.1: with the IP, Clerk's middleware sends requests around in a loop.
  const server = startNodeProcess(
    [NEXT_BIN, "start", ...appDirArg(options), "-H", "localhost", "-p", String(port)],
    options.env,
    logFile,
  );
  const baseUrl = `http://localhost:${port}`;
  const running = { baseUrl, hasExited: server.hasExited, stop: server.stop };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.hasExited())
      throw new Error(`next start exited early; the end of ${logFile}:\n${tailOf(logFile)}`);
    const healthy = await fetch(`${baseUrl}/api/health`).then(
      (response) => response.ok,
      () => false, // Not listening yet.
    );
    if (healthy) return running;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await server.stop();
  throw new Error(
    `next start did not answer /api/health within ${timeoutMs / 1000} s; the end of ${logFile}:\n${tailOf(logFile)}`,
  );
}

function appDirArg(options: NextAppOptions): string[] {
  return [options.appDir ?? PROJECT_ROOT];
}

/** The end of a log file, for an error message that shows what went wrong. */
export function tailOf(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no output)";
  }
}

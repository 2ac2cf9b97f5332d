/**
 * The servers a benchmark starts must never outlive it: each one registers how to stop it, and
 * Ctrl-C, a failure or the normal end of the run stops them all, newest first.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";

type StopTask = () => Promise<void>;

const stopTasks = new Set<StopTask>();

/** Remembers how to stop something; returns a function that forgets it (once it stopped on its own). */
export function stopOnExit(task: StopTask): () => void {
  stopTasks.add(task);
  return () => stopTasks.delete(task);
}

export async function stopEverything(): Promise<void> {
  for (const task of [...stopTasks].reverse()) {
    stopTasks.delete(task);
    await task().catch((error: unknown) => console.error(`✖ while stopping: ${String(error)}`));
  }
}

/** Ctrl-C or a `kill` stops the servers before the process exits. */
export function stopEverythingOnSignals(): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`\n▸ ${signal}: stopping the servers the benchmark started…`);
      void stopEverything().finally(() => process.exit(130));
    });
  }
}

export interface ManagedProcess {
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
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
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
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
  const forget = stopOnExit(stop);
  void exited.then(forget);
  return { child, exited, hasExited: () => done, stop };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** The end of a log file, for an error message that shows what went wrong. */
export function tailOf(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no output)";
  }
}

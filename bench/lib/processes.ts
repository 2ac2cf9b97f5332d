/**
 * The servers a benchmark starts must never outlive it: each one registers how to stop it, and
 * Ctrl-C, a failure or the normal end of the run stops them all, newest first.
 */
import type { ManagedProcess } from "../../tests/support/next-server";

type StopTask = () => Promise<void>;

const stopTasks = new Set<StopTask>();

/** Remembers how to stop something; returns a function that forgets it (once it stopped on its own). */
export function stopOnExit(task: StopTask): () => void {
  stopTasks.add(task);
  return () => stopTasks.delete(task);
}

/** Stops `process` with everything else unless it ended on its own first. */
export function stopProcessOnExit(process: ManagedProcess): void {
  const forget = stopOnExit(process.stop);
  void process.exited.then(forget);
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

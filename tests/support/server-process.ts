/**
 * Runs a server binary from Debian's packages (HAProxy, PgBouncer) in the foreground with its output
 * in a log file, waits until its port accepts connections, and stops it again.
 */
import { spawn } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import { connect } from "node:net";

export interface RunningDaemon {
  port: number;
  stop(): Promise<void>;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export async function startDaemon(options: {
  command: string;
  args: string[];
  port: number;
  logFile: string;
  timeoutMs?: number;
}): Promise<RunningDaemon> {
  const { command, args, port, logFile, timeoutMs = 10_000 } = options;
  const log = createWriteStream(logFile);
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (code) => {
      exitCode = code;
      resolve();
    }),
  );
  const stop = async () => {
    if (exitCode === undefined) child.kill("SIGTERM");
    await exited;
    log.end();
  };
  const failure = (why: string) =>
    new Error(`${command} ${why}; its log (${logFile}):\n${readFileSync(logFile, "utf8").trim()}`);

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw failure(`exited (${exitCode}) before listening on ${port}`);
    if (await accepts(port)) return { port, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw failure(`did not listen on ${port} within ${timeoutMs / 1000} s`);
}

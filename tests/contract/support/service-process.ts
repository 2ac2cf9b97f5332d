/**
 * Starts a backend as its own process (its own process group, so stopping it stops its children)
 * and waits until its health route answers 200.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";

export interface RunningService {
  baseUrl: string;
  stop(): Promise<void>;
}

export interface ServiceCommand {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  port: number;
  healthPath: string;
  /** The health route's status once the service is up; 200 unless it is meant to report trouble. */
  healthyStatus?: number;
  logFile: string;
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no output)";
  }
}

function stopper(child: ChildProcess, exited: () => boolean): () => Promise<void> {
  return async () => {
    if (exited() || child.pid === undefined) return;
    const done = new Promise((resolve) => child.on("exit", resolve));
    process.kill(-child.pid, "SIGTERM");
    const killer = setTimeout(() => {
      if (!exited() && child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    }, 5_000);
    await done;
    clearTimeout(killer);
  };
}

export async function startService(service: ServiceCommand, timeoutMs = 60_000): Promise<RunningService> {
  const log = createWriteStream(service.logFile);
  const child = spawn(service.command, service.args, {
    cwd: service.cwd,
    env: { ...service.env, PORT: String(service.port) },
    detached: true,
    stdio: "pipe",
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  let exited = false;
  child.on("exit", () => {
    exited = true;
  });
  const stop = stopper(child, () => exited);
  const baseUrl = `http://localhost:${service.port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited)
      throw new Error(`${service.name} exited early; ${service.logFile}:\n${tail(service.logFile)}`);
    try {
      const { status } = await fetch(`${baseUrl}${service.healthPath}`);
      if (status === (service.healthyStatus ?? 200)) return { baseUrl, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(
    `${service.name} did not answer ${service.healthPath} in time; ${service.logFile}:\n${tail(service.logFile)}`,
  );
}

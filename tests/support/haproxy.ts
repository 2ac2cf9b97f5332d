/**
 * HAProxy (Debian's package, installed with apt when missing) as the load balancer in front of
 * several instances of the app: round-robin per request, and every response says which instance
 * answered in `X-Served-By` — added by the load balancer, so the product needs no test hook.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findFreePort } from "../../scripts/lib/embedded-postgres";
import { ensureDebianCommand } from "./debian-package";
import { startDaemon } from "./server-process";

export const SERVED_BY_HEADER = "x-served-by";

export interface RunningLoadBalancer {
  /** `http://localhost:<port>`: what browsers and Svix would be given as the app's address. */
  baseUrl: string;
  stop(): Promise<void>;
}

/** `instances`: name → port of an app instance on this machine. */
export async function startLoadBalancer(options: {
  port?: number;
  instances: Record<string, number>;
  logFile: string;
  log?: (line: string) => void;
}): Promise<RunningLoadBalancer> {
  const binary = ensureDebianCommand("haproxy", "haproxy", options.log);
  const port = options.port ?? (await findFreePort());
  const dir = mkdtempSync(path.join(tmpdir(), "starter-haproxy-"));
  const config = [
    "defaults",
    "  mode http",
    "  timeout connect 5s",
    "  timeout client 60s",
    "  timeout server 60s",
    "frontend app",
    `  bind 127.0.0.1:${port}`,
    "  default_backend instances",
    "backend instances",
    // Decided per request, keep-alive or not: consecutive requests of one browser alternate.
    "  balance roundrobin",
    "  option forwardfor",
    "  http-response set-header X-Served-By %s",
    ...Object.entries(options.instances).map(
      ([name, instancePort]) => `  server ${name} 127.0.0.1:${instancePort}`,
    ),
    "",
  ].join("\n");
  const configFile = path.join(dir, "haproxy.cfg");
  writeFileSync(configFile, config);
  // -db: stay in the foreground, so stopping the child stops HAProxy.
  const daemon = await startDaemon({
    command: binary,
    args: ["-db", "-f", configFile],
    port,
    logFile: options.logFile,
  });
  return {
    baseUrl: `http://localhost:${port}`,
    async stop() {
      await daemon.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

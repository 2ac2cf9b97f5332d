/**
 * `npm run dev` as a person runs it, in its own process group: it exits non-zero when it cannot
 * start, and Ctrl-C (SIGINT to the whole group, as a terminal sends it) says it stops the embedded
 * PostgreSQL, and does.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findFreePort, findRunningPostgres } from "@/scripts/lib/embedded-postgres";
import { runNpmScript, scriptEnv } from "../support/run-script";

const dataRoot = mkdtempSync(path.join(tmpdir(), "dev-script-test-"));
afterAll(() => rmSync(dataRoot, { recursive: true, force: true }));

function devEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env = scriptEnv({ NEXT_TELEMETRY_DISABLED: "1", ...overrides });
  // `next dev` warns about (and misbehaves with) vitest's NODE_ENV=test.
  Reflect.deleteProperty(env, "NODE_ENV");
  return env;
}

describe("npm run dev", () => {
  it("exits 1 when the server at DATABASE_URL is unreachable", async () => {
    const url = `postgresql://owner:secret@127.0.0.1:${await findFreePort()}/app`;
    const result = await runNpmScript("dev", [], devEnv({ DATABASE_URL: url }));
    expect(result.stderr).toContain("✖");
    expect(result.code).toBe(1);
  });

  it.each([
    ["on Ctrl-C (SIGINT to its process group, as a terminal sends it)", true],
    ["on SIGINT to the script alone", false],
  ])(
    "%s says it stops the embedded PostgreSQL, stops it and exits 130",
    async (_, toGroup) => {
      const dataDir = path.join(dataRoot, toGroup ? "group" : "alone");
      const env = devEnv({
        EMBEDDED_POSTGRES_DIR: dataDir,
        EMBEDDED_POSTGRES_PORT: String(await findFreePort()),
      });
      const appPort = await findFreePort();
      const dev = spawn("node_modules/.bin/tsx", ["scripts/dev.ts", "--port", String(appPort)], {
        env,
        detached: true, // its own process group, like a terminal's foreground job
      });
      let stdout = "";
      dev.stdout.on("data", (chunk) => {
        stdout += chunk;
      });
      let stderr = "";
      dev.stderr.on("data", (chunk) => {
        stderr += chunk;
      });
      const exited = new Promise<string>((resolve) =>
        dev.on("exit", (code, signal) => resolve(signal ?? String(code))),
      );
      try {
        await waitFor(() => /Ready in/.test(stdout), 120_000);
        expect(findRunningPostgres(dataDir)).toBeDefined();
        // The app serves: its start-up check accepted the RLS-bound role dev gives it.
        expect((await fetch(`http://localhost:${appPort}/api/health`)).status).toBe(200);
        expect(stderr).not.toMatch(/Refusing to start|settings were not verified/);

        process.kill(toGroup ? -(dev.pid as number) : (dev.pid as number), "SIGINT");
        const ended = await exited;

        expect(stdout).toContain("▸ Stopping the embedded PostgreSQL…");
        expect(findRunningPostgres(dataDir)).toBeUndefined();
        expect(ended).toBe("130");
        // Nothing of it is left running: not `next dev`, not Postgres.
        await waitFor(() => !groupAlive(dev.pid as number), 10_000);
      } finally {
        if (groupAlive(dev.pid as number)) process.kill(-(dev.pid as number), "SIGKILL");
      }
    },
    180_000,
  );
});

function groupAlive(groupId: number): boolean {
  try {
    process.kill(-groupId, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

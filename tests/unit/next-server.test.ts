import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findFreePort } from "@/scripts/lib/embedded-postgres";
import { buildNextApp, startNextServer } from "@/tests/support/next-server";

let emptyDir: string;

beforeEach(() => {
  emptyDir = mkdtempSync(path.join(tmpdir(), "next-server-"));
});

afterEach(() => rmSync(emptyDir, { recursive: true, force: true }));

describe("the one launcher of next build and next start", () => {
  it("refuses a failed build with the end of its log", async () => {
    const logFile = path.join(emptyDir, "build.log");
    // Without telemetry's first-run notice, which would fill the end of the log.
    const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
    await expect(buildNextApp({ appDir: emptyDir, env, logFile })).rejects.toThrow(
      /next build failed \(exit 1\); the end of .*build\.log:\n.*app.*directory/is,
    );
  }, 30_000);

  it("stops waiting as soon as next start exits, and says why", async () => {
    const logFile = path.join(emptyDir, "start.log");
    const started = Date.now();
    await expect(
      startNextServer({ appDir: emptyDir, env: process.env, port: await findFreePort(), logFile }),
    ).rejects.toThrow(/next start exited early; the end of .*start\.log:\n.*production build/is);
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 40_000);
});

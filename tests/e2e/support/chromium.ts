/**
 * Finds Debian's Chromium for the browser tests, installing it with apt when this process may (root
 * with apt-get), and otherwise failing with the command to run. Browser tests are never skipped.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export class ChromiumMissingError extends Error {
  override name = "ChromiumMissingError";
}

function findChromium(): string | undefined {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) {
      throw new ChromiumMissingError(`CHROMIUM_PATH points to ${configured}, which does not exist.`);
    }
    return configured;
  }
  return CANDIDATES.find((candidate) => existsSync(candidate));
}

function canInstallWithApt(): boolean {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  return isRoot && spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0;
}

export function ensureChromium(log: (line: string) => void): string {
  const found = findChromium();
  if (found) return found;
  if (!canInstallWithApt()) {
    throw new ChromiumMissingError(
      [
        "The browser tests need Chromium, and none was found.",
        "Install it, then run the tests again:",
        "  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium",
        "  elsewhere:     install Chromium or Chrome and set CHROMIUM_PATH=/path/to/the/binary",
        "(Playwright's own browser download is not used: it needs a network this project does not assume.)",
      ].join("\n"),
    );
  }
  log("Chromium is missing: installing Debian's chromium with apt-get (about a minute)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
  const installed = findChromium();
  if (!installed)
    throw new ChromiumMissingError("apt-get installed chromium, but no chromium binary was found.");
  return installed;
}

/**
 * Finds a server the tests run from Debian's packages (HAProxy, PgBouncer), installing the package
 * with apt when this process may (root with apt-get), and otherwise failing with the command to run.
 * The tests that need them are never skipped: a missing server is a failure that says what to do.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export class DebianPackageMissingError extends Error {
  override name = "DebianPackageMissingError";
}

// Debian puts daemons in /usr/sbin, which a non-root PATH often lacks.
function findCommand(command: string): string | undefined {
  const directories = [...(process.env.PATH ?? "").split(path.delimiter), "/usr/sbin", "/usr/bin"];
  return directories.map((directory) => path.join(directory, command)).find((file) => existsSync(file));
}

function canInstallWithApt(): boolean {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  return isRoot && spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0;
}

/** The path of `command` from Debian's package `debianPackage`, installed with apt-get if missing. */
export function ensureDebianCommand(
  command: string,
  debianPackage: string,
  log: (line: string) => void = console.log,
): string {
  const found = findCommand(command);
  if (found) return found;
  if (!canInstallWithApt()) {
    throw new DebianPackageMissingError(
      [
        `These tests need ${command}, and none was found.`,
        "Install it, then run the tests again:",
        `  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y ${debianPackage}`,
        `  elsewhere:     install ${debianPackage} so that \`${command}\` is on the PATH`,
      ].join("\n"),
    );
  }
  log(`${command} is missing: installing Debian's ${debianPackage} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", debianPackage], {
    stdio: "inherit",
    env,
  });
  const installed = findCommand(command);
  if (!installed) {
    throw new DebianPackageMissingError(`apt-get installed ${debianPackage}, but no ${command} was found.`);
  }
  return installed;
}

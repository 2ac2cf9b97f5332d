/**
 * The production builds the benchmarks measure: the product's and the baseline app's. `next build`
 * costs a minute on two cores, so an existing `.next` is reused when it is current: built by the
 * benchmark (its stamp names the same BUILD_ID) from the same sources, lockfile, `.env` files and
 * NEXT_PUBLIC_* values (the only variables Next.js inlines at build time).
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildNextApp } from "../../tests/support/next-server";
import { stopProcessOnExit } from "./processes";

export interface ProductionBuild {
  distDir: string;
  reused: boolean;
  seconds: number;
}

/** Sources that cannot change what the product's `next build` produces. */
const IRRELEVANT = [/^bench\//, /^tests\//, /^docs\//, /^\.ci\//, /\.md$/];
/**
 * What an app under bench/ reads from outside its own folder: its packages, the Prisma client, the
 * build's CSS tooling and the product's landing page in its root layout, with the components they
 * import (the baseline serves that page again, with no middleware).
 */
const SHARED_SOURCES = [
  "package-lock.json",
  "prisma/schema.prisma",
  "postcss.config.mjs",
  "app/layout.tsx",
  "app/globals.css",
  "app/(marketing)/page.tsx",
];
const SHARED_FOLDERS = ["components/", "lib/"];
const ENV_FILES = [".env", ".env.local", ".env.production", ".env.production.local"];
const STAMP_FILE = "bench-build.json";

/** Builds the app in `appDir` (relative to `root`; "." is the product) unless its build is current. */
export async function ensureProductionBuild(
  root: string,
  env: NodeJS.ProcessEnv,
  options: { appDir?: string; logFile: string; log: (line: string) => void },
): Promise<ProductionBuild> {
  const appDir = options.appDir ?? ".";
  const distDir = path.join(root, appDir, ".next");
  const fingerprint = buildFingerprint(root, env, appDir);
  const shown = path.relative(root, distDir);
  if (fingerprint && isCurrent(distDir, fingerprint)) {
    options.log(`reusing the production build in ${shown} (same sources and build settings)`);
    return { distDir, reused: true, seconds: 0 };
  }

  options.log(`building ${shown} for production (next build; log: ${path.relative(root, options.logFile)})…`);
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const started = performance.now();
  await buildNextApp({ appDir: path.join(root, appDir), env, logFile: options.logFile }, stopProcessOnExit);
  const seconds = (performance.now() - started) / 1000;
  if (fingerprint) {
    writeFileSync(
      path.join(distDir, STAMP_FILE),
      JSON.stringify({ buildId: buildIdOf(distDir), fingerprint }),
    );
  }
  return { distDir, reused: false, seconds };
}

function isCurrent(distDir: string, fingerprint: string): boolean {
  const stampPath = path.join(distDir, STAMP_FILE);
  if (!existsSync(stampPath)) return false;
  try {
    const stamp = JSON.parse(readFileSync(stampPath, "utf8")) as { buildId?: string; fingerprint?: string };
    // Any other `next build` since (the e2e tests, `npm run build`) wrote a new BUILD_ID.
    return stamp.fingerprint === fingerprint && stamp.buildId === buildIdOf(distDir);
  } catch {
    return false;
  }
}

function buildIdOf(distDir: string): string | null {
  const file = path.join(distDir, "BUILD_ID");
  return existsSync(file) ? readFileSync(file, "utf8").trim() : null;
}

/**
 * A hash of everything the build of `appDir` reads, or null outside a git checkout (then every run
 * builds). Exported for its test.
 */
export function buildFingerprint(
  root: string,
  env: Record<string, string | undefined>,
  appDir = ".",
): string | null {
  const isSource =
    appDir === "."
      ? (file: string) => !IRRELEVANT.some((pattern) => pattern.test(file))
      : (file: string) =>
          file.startsWith(`${appDir}/`) ||
          SHARED_SOURCES.includes(file) ||
          SHARED_FOLDERS.some((folder) => file.startsWith(folder));
  let files: string[];
  try {
    files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    })
      .split("\0")
      .filter((file) => file && isSource(file));
  } catch {
    return null;
  }
  const hash = createHash("sha256");
  const envFiles = ENV_FILES.map((file) => path.join(appDir, file));
  for (const file of [...new Set(files)].sort().concat(envFiles)) {
    const full = path.join(root, file);
    hash.update(`${file}\0`);
    // Listed by git but deleted in the working tree: its absence is part of the state.
    hash.update(existsSync(full) ? readFileSync(full) : "<absent>");
    hash.update("\0");
  }
  const inlined = Object.entries(env)
    .filter(([name]) => name.startsWith("NEXT_PUBLIC_") || name === "NODE_ENV")
    .sort(([a], [b]) => a.localeCompare(b));
  hash.update(JSON.stringify(inlined));
  return hash.digest("hex");
}

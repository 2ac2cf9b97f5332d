/**
 * Clerk's browser SDK is not in the build: `<ClerkProvider>` makes every page it wraps load
 * `clerk.browser.js` (and preload `ui.browser.js`, which draws Clerk's components) from Clerk's CDN.
 * The CDN serves those files from the npm packages of the same name and version range, so their
 * size is measured from the package the npm registry hands out for that range.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";

export interface CdnScript {
  /** As the page references it: `@clerk/clerk-js@6/dist/clerk.browser.js`. */
  reference: string;
  packageName: string;
  versionRange: string;
  file: string;
}

export interface MeasuredCdnScript extends CdnScript {
  /** The version the registry resolved the range to (what the CDN serves today). */
  version: string;
  gzipBytes: number;
}

const CDN_SCRIPT = /\/npm\/(@clerk\/[a-z0-9-]+)@([^/"']+)\/(dist\/[^"'?#]+\.js)/g;

/** Clerk's scripts a page's HTML loads or preloads, each once. */
export function clerkScriptsIn(html: string): CdnScript[] {
  const found = new Map<string, CdnScript>();
  for (const [, packageName = "", versionRange = "", file = ""] of html.matchAll(CDN_SCRIPT)) {
    const reference = `${packageName}@${versionRange}/${file}`;
    found.set(reference, { reference, packageName, versionRange, file });
  }
  return [...found.values()];
}

/** Downloads each package with `npm pack` (the registry is the one network this project assumes). */
export function measureCdnScripts(scripts: CdnScript[]): MeasuredCdnScript[] {
  const dir = mkdtempSync(path.join(tmpdir(), "orgs-bench-clerk-"));
  try {
    return scripts.map((script) => {
      const packed = JSON.parse(
        execFileSync(
          "npm",
          ["pack", `${script.packageName}@${script.versionRange}`, "--json", "--pack-destination", dir],
          { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 120_000 },
        ),
      ) as Array<{ filename: string; version: string }>;
      const tarball = packed[0];
      if (!tarball) throw new Error(`npm pack ${script.packageName}@${script.versionRange} packed nothing`);
      const content = execFileSync(
        "tar",
        ["-xzOf", path.join(dir, path.basename(tarball.filename)), `package/${script.file}`],
        {
          maxBuffer: 64 * 2 ** 20,
        },
      );
      return { ...script, version: tarball.version, gzipBytes: gzipSync(content, { level: 9 }).length };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Shown in place of the figure when the registry cannot be reached. */
export function readableFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0]?.slice(0, 160) ?? "unknown error";
}

/**
 * The package versions this migration tooling was checked with. It pins an engine build (the glue's
 * import names carry its hash) and works around bugs of one @prisma/adapter-pg release; with other
 * versions those workarounds may silently be wrong, so it refuses to run instead.
 *
 * After upgrading Prisma: run `npx prisma migrate deploy` / `npx prisma migrate dev` — the Prisma CLI
 * downloads its native schema engine, the one path where that download is allowed — or re-check this
 * tooling (tests/integration/migrations.test.ts, each workaround's comment) and update the list.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export const CHECKED_VERSIONS = {
  prisma: "7.10.0",
  "@prisma/adapter-pg": "7.10.0",
  "@prisma/schema-engine-wasm": "7.10.0-4.0edf323efd1d98336f3f0a68684b56f689b900d3",
} as const;

export type PackageName = keyof typeof CHECKED_VERSIONS;

export function assertCheckedVersions(installed: Record<PackageName, string>): void {
  const differing = (Object.keys(CHECKED_VERSIONS) as PackageName[]).filter(
    (name) => installed[name] !== CHECKED_VERSIONS[name],
  );
  if (differing.length === 0) return;
  const list = (versions: Record<PackageName, string>) =>
    differing.map((name) => `${name}@${versions[name]}`).join(", ");
  throw new Error(
    `The migration tooling (scripts/lib/schema-engine) was checked with ${list(CHECKED_VERSIONS)}, ` +
      `but ${list(installed)} is installed. Its pinned engine build and adapter workarounds may not hold.\n` +
      `Either install the checked versions (npm install --save-exact ${list(CHECKED_VERSIONS)}), or use ` +
      "`npx prisma migrate deploy` / `npx prisma migrate dev`, which download Prisma's native schema engine, " +
      "until scripts/lib/schema-engine/checked-versions.ts is updated for the new release.",
  );
}

const require = createRequire(import.meta.url);

export function installedVersions(): Record<PackageName, string> {
  const entries = (Object.keys(CHECKED_VERSIONS) as PackageName[]).map((name) => [
    name,
    packageVersion(name),
  ]);
  return Object.fromEntries(entries) as Record<PackageName, string>;
}

/** Read from the package's own package.json, looked up as Node would (not every package exports it). */
function packageVersion(name: string): string {
  for (const dir of require.resolve.paths(name) ?? []) {
    const file = path.join(dir, name, "package.json");
    if (existsSync(file)) return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
  }
  return "not installed";
}

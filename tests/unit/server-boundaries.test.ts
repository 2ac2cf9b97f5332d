/**
 * The boundaries the architecture promises, checked on the source files themselves (Biome's
 * noRestrictedImports flags the same imports in the editor; this also catches relative paths
 * and dynamic imports).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

function sourceFiles(dir: string): string[] {
  const absolute = path.join(ROOT, dir);
  return readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|js|mjs)$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

const DATABASE_MODULE =
  /(?:from|import)\s*\(?\s*["']([^"']*(?:@prisma\/|server\/generated|server\/db|^pg$)[^"']*|pg)["']/g;

function databaseImportsOf(source: string): string[] {
  return [...source.matchAll(DATABASE_MODULE)].map((match) => match[1] as string);
}

describe("who may talk to the database", () => {
  it("recognises every way of naming the Prisma client, its adapter, pg and server/db", () => {
    const source = [
      'import { PrismaClient } from "@prisma/client";',
      'import { db } from "@/server/db";',
      'import type { Project } from "../../server/generated/prisma/client";',
      'const pg = await import("pg");',
      'import { projectPaths } from "@/lib/project-paths";',
    ].join("\n");
    expect(databaseImportsOf(source)).toEqual([
      "@prisma/client",
      "@/server/db",
      "../../server/generated/prisma/client",
      "pg",
    ]);
  });

  it("no file of app/, lib/, components/ or middleware.ts imports Prisma, pg or server/db", () => {
    const files = [...sourceFiles("app"), ...sourceFiles("lib"), "middleware.ts"];
    try {
      files.push(...sourceFiles("components"));
    } catch {
      // No shared components yet.
    }
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.flatMap((file) =>
      databaseImportsOf(readFileSync(path.join(ROOT, file), "utf8")).map((module) => `${file} → ${module}`),
    );
    expect(offenders).toEqual([]);
  });

  it('every server/ file starts with import "server-only", so none can end up in a browser bundle', () => {
    const files = sourceFiles("server").filter((file) => !file.startsWith(path.join("server", "generated")));
    expect(files.length).toBeGreaterThan(10);
    const missing = files.filter(
      (file) => !/^import "server-only";/.test(readFileSync(path.join(ROOT, file), "utf8")),
    );
    expect(missing).toEqual([]);
  });
});

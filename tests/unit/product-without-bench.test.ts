/**
 * The benchmark lab (bench/) is a tool beside the product: it may use the product and its tooling,
 * never the reverse, so deleting bench/ (and its package.json scripts) leaves a working, fully
 * tested starter. And nothing in the product exists only for benchmarks.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
// This file's examples name modules under bench/; it imports none.
const THIS_FILE = path.relative(ROOT, fileURLToPath(import.meta.url));
const PRODUCT_DIRS = ["app", "server", "lib", "components", "prisma", "scripts", "tests"];
const PRODUCT_FILES = ["middleware.ts", "instrumentation.ts", "next.config.ts", "vitest.config.ts"];

function productFiles(): string[] {
  const files = PRODUCT_FILES.filter((file) => existsSync(path.join(ROOT, file)));
  for (const dir of PRODUCT_DIRS.filter((name) => existsSync(path.join(ROOT, name)))) {
    for (const entry of readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })) {
      const file = path.relative(ROOT, path.join(entry.parentPath, entry.name));
      if (entry.isFile() && /\.(ts|tsx|js|mjs)$/.test(entry.name) && !file.startsWith("server/generated/"))
        files.push(file);
    }
  }
  return files;
}

const MODULE_SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g;

/** The modules `source` (the file `file`) imports that live under bench/. */
function benchImportsOf(file: string, source: string): string[] {
  return [...source.matchAll(MODULE_SPECIFIER)]
    .map((match) => match[1] as string)
    .filter((specifier) => {
      const target = specifier.startsWith("@/")
        ? specifier.slice(2)
        : specifier.startsWith(".")
          ? path.relative(ROOT, path.resolve(ROOT, path.dirname(file), specifier))
          : specifier;
      return target === "bench" || target.startsWith("bench/");
    });
}

describe("the product without the benchmark lab", () => {
  it("recognises every way of naming a module under bench/", () => {
    const source = [
      'import { percentile } from "@/bench/lib/stats";',
      'import type { BenchApp } from "../../bench/lib/app";',
      'const lab = await import("../bench/index");',
      'import { buildFingerprint } from "./lib/build";',
      'import { describe } from "vitest";',
      'import { request } from "./support/http";',
    ].join("\n");
    expect(benchImportsOf("tests/unit/x.test.ts", source)).toEqual([
      "@/bench/lib/stats",
      "../../bench/lib/app",
    ]);
    expect(benchImportsOf("tests/x.test.ts", source)).toEqual(["@/bench/lib/stats", "../bench/index"]);
  });

  it("no product file, test or script imports from bench/", () => {
    const files = productFiles().filter((file) => file !== THIS_FILE);
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.flatMap((file) =>
      benchImportsOf(file, readFileSync(path.join(ROOT, file), "utf8")).map(
        (module) => `${file} → ${module}`,
      ),
    );
    expect(offenders).toEqual([]);
  });

  it("no route, server module or setting of app/, server/ or lib/ exists only for benchmarks", () => {
    const files = productFiles().filter((file) => /^(app|server|lib)\//.test(file));
    const benchOnly = files.filter(
      (file) =>
        /bench/i.test(file) ||
        /BENCHMARK_ROUTES|\/api\/benchmark|bench-baseline/.test(readFileSync(path.join(ROOT, file), "utf8")),
    );
    expect(benchOnly).toEqual([]);
  });
});

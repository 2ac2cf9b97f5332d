import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { firstLoadJs } from "../../tests/support/first-load-js";

/** A build output shaped like Next.js 16's, with chunks of known content. */
let distDir: string;

const chunkContent: Record<string, string> = {
  "static/chunks/runtime-a.js": "react".repeat(500),
  "static/chunks/runtime-b.js": "next-router".repeat(300),
  "static/chunks/polyfills.js": "polyfill".repeat(400),
  "static/chunks/root-layout.js": "clerk-provider".repeat(200),
  "static/chunks/dashboard.js": "organization-nav".repeat(50),
  "static/chunks/styles.css": "body{}".repeat(100),
};

const gz = (file: string) => gzipSync(chunkContent[file] ?? "", { level: 9 }).length;

function write(file: string, content: string) {
  const full = path.join(distDir, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, content);
}

function writeClientReferenceManifest(entry: string, entryJSFiles: Record<string, string[]>) {
  const manifest = { clientModules: {}, entryCSSFiles: {}, entryJSFiles };
  write(
    `server/app${entry}_client-reference-manifest.js`,
    `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${JSON.stringify(entry)}] = ${JSON.stringify(manifest)};`,
  );
}

beforeEach(() => {
  distDir = mkdtempSync(path.join(tmpdir(), "first-load-js-"));
  for (const [file, content] of Object.entries(chunkContent)) write(file, content);
  write(
    "build-manifest.json",
    JSON.stringify({
      polyfillFiles: ["static/chunks/polyfills.js"],
      rootMainFiles: ["static/chunks/runtime-a.js", "static/chunks/runtime-b.js"],
    }),
  );
  write(
    "app-path-routes-manifest.json",
    JSON.stringify({
      "/(marketing)/page": "/",
      "/(app)/orgs/[slug]/page": "/orgs/[slug]",
      "/api/health/route": "/api/health",
    }),
  );
  writeClientReferenceManifest("/(app)/orgs/[slug]/page", {
    "[project]/app/layout": ["static/chunks/root-layout.js", "static/chunks/styles.css"],
    "[project]/app/(app)/orgs/[slug]/layout": ["static/chunks/root-layout.js", "static/chunks/dashboard.js"],
    "[project]/app/(app)/orgs/[slug]/page": ["static/chunks/root-layout.js", "static/chunks/dashboard.js"],
  });
});

afterEach(() => rmSync(distDir, { recursive: true, force: true }));

describe("First Load JS of a route", () => {
  it("adds the runtime every page loads to the chunks of the route's layouts and page, each once", () => {
    const bundle = firstLoadJs(distDir, "/orgs/[slug]");
    expect(bundle?.chunks.map((chunk) => chunk.file).sort()).toEqual([
      "static/chunks/dashboard.js",
      "static/chunks/root-layout.js",
      "static/chunks/runtime-a.js",
      "static/chunks/runtime-b.js",
    ]);
    const expected = ["runtime-a", "runtime-b", "root-layout", "dashboard"]
      .map((name) => gz(`static/chunks/${name}.js`))
      .reduce((a, b) => a + b);
    expect(bundle?.gzipBytes).toBe(expected);
    expect(bundle?.sharedGzipBytes).toBe(gz("static/chunks/runtime-a.js") + gz("static/chunks/runtime-b.js"));
  });

  it("leaves out the nomodule polyfills, which modern browsers do not download, and stylesheets", () => {
    const files = firstLoadJs(distDir, "/orgs/[slug]")?.chunks.map((chunk) => chunk.file);
    expect(files).not.toContain("static/chunks/polyfills.js");
    expect(files).not.toContain("static/chunks/styles.css");
  });

  it("lists the largest chunk first, so a note can name what costs the most", () => {
    const sizes = firstLoadJs(distDir, "/orgs/[slug]")?.chunks.map((chunk) => chunk.gzipBytes) ?? [];
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it("answers null for a route the build does not have", () => {
    expect(firstLoadJs(distDir, "/orgs/[slug]/projects")).toBeNull();
  });

  it("agrees silently with Next.js's own route report when it lists the same chunks", () => {
    write(
      "diagnostics/route-bundle-stats.json",
      JSON.stringify([
        {
          route: "/orgs/[slug]",
          firstLoadChunkPaths: ["runtime-a", "runtime-b", "root-layout", "dashboard"].map(
            (name) => `.next/static/chunks/${name}.js`,
          ),
        },
      ]),
    );
    expect(firstLoadJs(distDir, "/orgs/[slug]")?.disagreement).toBeNull();
  });

  it("says which chunks differ when Next.js's own route report lists others", () => {
    write(
      "diagnostics/route-bundle-stats.json",
      JSON.stringify([
        {
          route: "/orgs/[slug]",
          firstLoadChunkPaths: [".next/static/chunks/runtime-a.js", ".next/static/chunks/extra.js"],
        },
      ]),
    );
    const disagreement = firstLoadJs(distDir, "/orgs/[slug]")?.disagreement ?? "";
    expect(disagreement).toContain("static/chunks/runtime-b.js");
    expect(disagreement).toContain("static/chunks/extra.js");
  });
});

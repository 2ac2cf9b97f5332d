/**
 * "First Load JS" of an App Router route, read from the build's manifests, since Next.js 16's
 * `next build` (Turbopack) no longer prints it: the JavaScript a browser downloads to open the
 * route, gzip-compressed as Next.js always counted it.
 *
 * - `build-manifest.json` → `rootMainFiles`: the runtime every page loads (Next.js, React, Turbopack's loader);
 * - `server/app/<route>/page_client-reference-manifest.js` → `entryJSFiles`: the chunks of the
 *   route's layouts and page, i.e. its client components;
 * - `polyfillFiles` are left out: they are `<script nomodule>`, which modern browsers skip.
 *
 * These are exactly the `<script src>` tags Next.js renders into the route's HTML. The result is
 * compared with `diagnostics/route-bundle-stats.json` (Next.js 16's own per-route report) when the
 * build has one, so a change in either format shows up instead of silently skewing the figure.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

export interface Chunk {
  /** Relative to the dist dir: `static/chunks/…js`. */
  file: string;
  gzipBytes: number;
  /** Part of the runtime every page loads. */
  shared: boolean;
}

export interface RouteBundle {
  route: string;
  chunks: Chunk[];
  gzipBytes: number;
  sharedGzipBytes: number;
  /** Set when Next.js's own report lists other chunks for the route: which ones differ. */
  disagreement: string | null;
}

interface BuildManifest {
  rootMainFiles?: string[];
}

interface ClientReferenceManifest {
  entryJSFiles?: Record<string, string[]>;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, "utf8")) as T;
}

/** The app directory entry (`/(app)/orgs/[slug]/page`) that serves a route (`/orgs/[slug]`). */
function pageEntryOf(distDir: string, route: string): string | null {
  const routes = readJson<Record<string, string>>(path.join(distDir, "app-path-routes-manifest.json"));
  return (
    Object.entries(routes).find(([entry, served]) => served === route && entry.endsWith("/page"))?.[0] ?? null
  );
}

function entryChunksOf(distDir: string, pageEntry: string): string[] {
  const file = path.join(distDir, "server/app", `${pageEntry}_client-reference-manifest.js`);
  // The manifest is a script that assigns `globalThis.__RSC_MANIFEST[entry]`; run it in an empty context.
  const sandbox: { __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } = {};
  runInNewContext(readFileSync(file, "utf8"), sandbox, { filename: file });
  const manifest = sandbox.__RSC_MANIFEST?.[pageEntry];
  if (!manifest?.entryJSFiles) throw new Error(`${file} has no entryJSFiles for ${pageEntry}`);
  return Object.values(manifest.entryJSFiles).flat();
}

const gzipSizes = new Map<string, number>();

function gzipSizeOf(file: string): number {
  let size = gzipSizes.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(file), { level: 9 }).length;
    gzipSizes.set(file, size);
  }
  return size;
}

/** Null when the build has no page for `route` (a feature that has not landed on this branch). */
export function firstLoadJs(distDir: string, route: string): RouteBundle | null {
  const pageEntry = pageEntryOf(distDir, route);
  if (!pageEntry) return null;
  const shared = new Set(
    readJson<BuildManifest>(path.join(distDir, "build-manifest.json")).rootMainFiles ?? [],
  );
  const files = [...new Set([...shared, ...entryChunksOf(distDir, pageEntry)])].filter((file) =>
    file.endsWith(".js"),
  );
  const chunks = files
    .map((file) => ({ file, gzipBytes: gzipSizeOf(path.join(distDir, file)), shared: shared.has(file) }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const total = (list: Chunk[]) => list.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
  return {
    route,
    chunks,
    gzipBytes: total(chunks),
    sharedGzipBytes: total(chunks.filter((chunk) => chunk.shared)),
    disagreement: compareWithNextReport(distDir, route, files),
  };
}

function compareWithNextReport(distDir: string, route: string, files: string[]): string | null {
  const reportFile = path.join(distDir, "diagnostics/route-bundle-stats.json");
  if (!existsSync(reportFile)) return null;
  const report = readJson<Array<{ route: string; firstLoadChunkPaths?: string[] }>>(reportFile);
  const listed = report.find((entry) => entry.route === route)?.firstLoadChunkPaths;
  if (!listed) return null;
  const theirs = new Set(listed.map((file) => file.replace(/^(\.\/)?\.next\//, "")));
  const ours = new Set(files);
  const onlyOurs = files.filter((file) => !theirs.has(file));
  const onlyTheirs = [...theirs].filter((file) => !ours.has(file));
  if (onlyOurs.length === 0 && onlyTheirs.length === 0) return null;
  return `manifests list ${onlyOurs.join(", ") || "nothing more"}; Next.js's route-bundle-stats.json lists ${onlyTheirs.join(", ") || "nothing more"}`;
}

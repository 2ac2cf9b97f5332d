/**
 * `npm run bench -- --profile`: the server records a V8 CPU profile (Next.js's own NEXT_CPU_PROF)
 * and this sums it up by where the time went, for the notes under the table. The `.cpuprofile`
 * itself opens in Chrome DevTools (Performance → Load profile) for the details.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  /** Microseconds since the previous sample. */
  timeDeltas: number[];
}

export interface Hotspot {
  /** A package (`@clerk/backend`), a part of Next.js, the app's own code, or V8's `(garbage collector)`. */
  where: string;
  /** Share of all sampled time, 0–1. */
  share: number;
}

/**
 * Where a function's code comes from. The production server bundles most packages into chunks
 * whose names keep only the scope (`node_modules_@clerk_1merd956bfm6m._.js`), so a bundled
 * package is named as precisely as its chunk allows.
 */
export function originOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "Node.js core";
  if (url.startsWith("wasm://")) return "WebAssembly (Prisma's query compiler)";
  if (url.startsWith("evalmachine")) return "middleware (Edge runtime sandbox)";
  const installed = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
  if (installed === "next") {
    // The app-page runtime bundles React's server renderer with Next.js's App Router.
    if (url.includes("/compiled/next-server/")) return "next: App Router + React server rendering";
    return `next: ${/\/compiled\/([^/]+)/.exec(url)?.[1] ?? "server"}`;
  }
  if (installed) return installed;
  if (url.includes("/.next/server/edge/") || url.includes("/.next/server/middleware")) {
    return "middleware (Clerk's clerkMiddleware, bundled)";
  }
  const scope = url.match(/node_modules_(@[^_]+)_/)?.[1];
  if (scope) return `${scope}/* (bundled into the server)`;
  if (url.includes("/.next/server/")) return "app code and packages bundled into the server";
  return url.replace(/^file:\/\//, "");
}

/** The origins with the most self time, largest first, skipping the idle time between requests. */
export function hotspots(profile: CpuProfile, top = 8): Hotspot[] {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byOrigin = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const node = nodes.get(id);
    if (!node || node.callFrame.functionName === "(idle)") return;
    const time = profile.timeDeltas[index] ?? 0;
    const origin = originOf(node.callFrame.url, node.callFrame.functionName);
    byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + time);
    total += time;
  });
  return [...byOrigin]
    .map(([where, time]) => ({ where, share: total > 0 ? time / total : 0 }))
    .sort((a, b) => b.share - a.share)
    .slice(0, top);
}

export function readCpuProfile(file: string): CpuProfile {
  return JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
}

/** Next.js writes `cpu-profile-<time>.cpuprofile` into `.next-profiles/` when its server stops. */
export function newestProfileSince(dir: string, since: number): string | null {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return null;
  }
  const profiles = names
    .filter((name) => name.endsWith(".cpuprofile"))
    .map((name) => path.join(dir, name))
    .map((file) => ({ file, modified: statSync(file).mtimeMs }))
    .filter(({ modified }) => modified >= since)
    .sort((a, b) => b.modified - a.modified);
  return profiles[0]?.file ?? null;
}

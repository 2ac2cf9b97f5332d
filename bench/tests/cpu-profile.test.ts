import { describe, expect, it } from "vitest";
import { type CpuProfile, hotspots, originOf } from "../lib/cpu-profile";

describe("where the server's CPU time went", () => {
  it.each([
    ["file:///app/node_modules/@prisma/client/runtime/client.js", "@prisma/client"],
    ["file:///app/node_modules/pg-protocol/dist/parser.js", "pg-protocol"],
    [
      "file:///app/node_modules/next/dist/compiled/next-server/app-page-turbo.runtime.prod.js",
      "next: App Router + React server rendering",
    ],
    ["file:///app/node_modules/next/dist/compiled/edge-runtime/index.js", "next: edge-runtime"],
    ["file:///app/node_modules/next/dist/server/base-server.js", "next: server"],
    [
      "file:///app/.next/server/edge/chunks/[root-of-the-server]__0new8pi8ytmrx._.js",
      "middleware (Clerk's clerkMiddleware, bundled)",
    ],
    [
      "file:///app/.next/server/chunks/ssr/node_modules_@clerk_1merd956bfm6m._.js",
      "@clerk/* (bundled into the server)",
    ],
    [
      "file:///app/.next/server/chunks/ssr/[root-of-the-server]__1lj3ividuvpx7._.js",
      "app code and packages bundled into the server",
    ],
    ["node:internal/streams/readable", "Node.js core"],
    ["wasm://wasm/00d1cb12", "WebAssembly (Prisma's query compiler)"],
  ])("attributes %s to %s", (url, origin) => {
    expect(originOf(url, "someFunction")).toBe(origin);
  });

  it("keeps V8's own entries such as the garbage collector by name", () => {
    expect(originOf("", "(garbage collector)")).toBe("(garbage collector)");
    expect(originOf("", "writev")).toBe("(native)");
  });

  it("ranks origins by self time and leaves the idle time between requests out", () => {
    const frame = (url: string, functionName = "f") => ({ functionName, url });
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame("", "(idle)") },
        { id: 2, callFrame: frame("file:///app/node_modules/pg/lib/client.js") },
        { id: 3, callFrame: frame("node:events") },
      ],
      samples: [1, 2, 3, 2, 1],
      timeDeltas: [5_000, 300, 100, 300, 5_000],
    };
    expect(hotspots(profile)).toEqual([
      { where: "pg", share: 600 / 700 },
      { where: "Node.js core", share: 100 / 700 },
    ]);
  });
});

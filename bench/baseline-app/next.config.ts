import path from "node:path";
import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

// The starter's root: its node_modules and the generated Prisma client this app shares.
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * As the product's next.config.ts, minus everything that is the product's own — but with its response
 * headers (CSP, HSTS, …), which bench/lib/baseline-app.ts makes with the product's code: they belong
 * to the page as served, not to the middleware or auth the anchors leave out.
 */
const nextConfig: NextConfig = {
  serverExternalPackages: ["@prisma/adapter-pg", "pg"],
  poweredByHeader: false,
  async headers() {
    const headers = JSON.parse(process.env.BASELINE_RESPONSE_HEADERS ?? "[]") as {
      key: string;
      value: string;
    }[];
    return headers.length ? [{ source: "/:path*", headers }] : [];
  },
  turbopack: { root: projectRoot },
  outputFileTracingRoot: projectRoot,
  // `npm run typecheck` at the root checks these files; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;

import path from "node:path";
import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

// The starter's root: its node_modules and the generated Prisma client this app shares.
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** As the product's next.config.ts, minus everything that is the product's own. */
const nextConfig: NextConfig = {
  serverExternalPackages: ["@prisma/adapter-pg", "pg"],
  poweredByHeader: false,
  turbopack: { root: projectRoot },
  outputFileTracingRoot: projectRoot,
  // `npm run typecheck` at the root checks these files; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;

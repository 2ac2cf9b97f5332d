import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The Prisma client and its Postgres driver stay as Node modules on the server instead of being bundled.
  serverExternalPackages: ["@prisma/adapter-pg", "pg"],
  poweredByHeader: false,
};

export default nextConfig;

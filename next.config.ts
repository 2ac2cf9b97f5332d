import type { NextConfig } from "next";
import { securityHeaders } from "./lib/config/security-headers";

const nextConfig: NextConfig = {
  // The Prisma client and its Postgres driver stay as Node modules on the server instead of being bundled.
  serverExternalPackages: ["@prisma/adapter-pg", "pg"],
  poweredByHeader: false,
  async headers() {
    // Evaluated by `next build`: the publishable key is a build-time value anyway (Next.js inlines it).
    const headers = securityHeaders({
      publishableKey: process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY || undefined,
      production: process.env.NODE_ENV === "production",
    });
    return [{ source: "/:path*", headers }];
  },
};

export default nextConfig;

import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "./env";
import { PrismaClient } from "./generated/prisma/client";

export function createPrismaClient(databaseUrl: string): PrismaClient {
  // Fail fast when the database is unreachable: a request (and Svix's retry clock) should not hang.
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 }),
  });
}

// `next dev` re-evaluates modules on every change; keep one client (and one pool) per process.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** The one Prisma client of the app. Only code under `server/` may import it. */
export const db: PrismaClient = globalForPrisma.prisma ?? createPrismaClient(env.databaseUrl);
if (process.env.NODE_ENV === "development") globalForPrisma.prisma = db;

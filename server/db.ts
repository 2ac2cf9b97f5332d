import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "./env";
import { PrismaClient } from "./generated/prisma/client";
import { lazyObject } from "./lazy-object";

export function createPrismaClient(databaseUrl: string): PrismaClient {
  // Fail fast when the database is unreachable: a request (and Svix's retry clock) should not hang.
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 }),
  });
}

// `next dev` re-evaluates modules on every change; keep one client (and one pool) per process.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function appPrismaClient(): PrismaClient {
  const client = globalForPrisma.prisma ?? createPrismaClient(env.databaseUrl);
  if (process.env.NODE_ENV === "development") globalForPrisma.prisma = client;
  return client;
}

/**
 * The one Prisma client of the app, created on first use (see `lazyObject`): importing this module
 * neither reads DATABASE_URL nor opens a pool. Only code under `server/` may import it.
 */
export const db: PrismaClient = lazyObject(appPrismaClient);

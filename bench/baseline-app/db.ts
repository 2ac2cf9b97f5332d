/**
 * The baseline app's database client: the product's generated Prisma client and driver adapter on
 * the same database, so a baseline differs from the product only by what the product adds around it.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../server/generated/prisma/client";

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`The baseline app needs ${name}`);
  return value;
}

const globalForPrisma = globalThis as unknown as { baselinePrisma?: PrismaClient };

export function db(): PrismaClient {
  globalForPrisma.baselinePrisma ??= new PrismaClient({
    adapter: new PrismaPg({ connectionString: requiredEnv("DATABASE_URL") }),
  });
  return globalForPrisma.baselinePrisma;
}

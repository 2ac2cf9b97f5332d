import "server-only";
import { Prisma } from "../generated/prisma/client";

/** Whether Postgres refused a write because it would duplicate a unique key. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

import "server-only";
import { Prisma } from "../generated/prisma/client";

/** Whether Postgres refused a write because it would duplicate a unique key. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

// Prisma's codes for "the server is out of reach or too busy right now": can't reach it (P1001),
// reached but timed out (P1002), an operation timed out (P1008), it closed the connection (P1017), no
// connection free in the pool in time (P2024), too many connections (P2037).
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
// Postgres's own: the server is shutting down or restarting, or it terminated this backend (a
// failover, a restart, an administrator) — class 57P "operator intervention".
const UNAVAILABLE_POSTGRES_CODES = new Set(["57P01", "57P02", "57P03"]);

/**
 * Whether an error means the database is unreachable for now (down, restarting, failing over,
 * saturated) rather than that the request or the code is wrong: the caller should answer 503
 * ("try later"), not 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError) {
    return error.errorCode !== undefined && UNAVAILABLE_PRISMA_CODES.has(error.errorCode);
  }
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (UNAVAILABLE_PRISMA_CODES.has(error.code)) return true;
  const cause = (error.meta?.driverAdapterError as { cause?: { kind?: string; code?: string } } | undefined)
    ?.cause;
  return cause?.kind === "postgres" && UNAVAILABLE_POSTGRES_CODES.has(cause.code ?? "");
}

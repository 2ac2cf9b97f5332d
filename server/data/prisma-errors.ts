import "server-only";
import { Prisma } from "../generated/prisma/client";

/** Whether Postgres refused a write because it would duplicate a unique key. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

// Prisma's codes for "the database cannot be reached or is overwhelmed right now": not reachable,
// timed out, connection closed, connection pool timed out, too many connections.
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
// SQLSTATEs of the same situations when Postgres itself answers: connection exceptions (class 08),
// too many connections, and a server shutting down or starting up.
const UNAVAILABLE_SQLSTATE = /^(08...|53300|57P01|57P02|57P03)$/;
// The socket errors underneath, for a failure that reaches us without Prisma's classification.
const UNAVAILABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND"]);

/**
 * Whether `error` means the database is unreachable (down, restarting, out of connections) rather
 * than that the request or the code is wrong: the caller answers 503 with `Retry-After` and logs one
 * line, instead of a 500 with a stack trace. Nothing was written: a failed connection commits nothing.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (UNAVAILABLE_PRISMA_CODES.has(error.code)) return true;
    const cause = (error.meta?.driverAdapterError as { cause?: { code?: unknown } } | undefined)?.cause;
    return typeof cause?.code === "string" && UNAVAILABLE_SQLSTATE.test(cause.code);
  }
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && (UNAVAILABLE_SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code));
}

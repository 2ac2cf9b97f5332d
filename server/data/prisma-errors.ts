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
// SQLSTATEs of the same situations when Postgres itself answers: connection exceptions (class 08), too
// many connections, and a server shutting down, restarting or terminating this backend (a failover).
const UNAVAILABLE_SQLSTATE = /^(08...|53300|57P01|57P02|57P03)$/;
// The socket errors underneath, for a failure that reaches us without Prisma's classification. Not
// ECONNRESET: that is also what a client hanging up mid-body looks like.
const UNAVAILABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND"]);

/**
 * Whether `error` means the database is unreachable for now (down, restarting, failing over,
 * saturated) rather than that the request or the code is wrong: the caller answers 503 ("try later",
 * with `Retry-After`) and logs one line, instead of a 500 with a stack trace. A failed connection
 * commits nothing, so nothing was half-written.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError) {
    // A wrong password or database name (P1000, P1003) is a configuration error, not "try later".
    return error.errorCode !== undefined && UNAVAILABLE_PRISMA_CODES.has(error.errorCode);
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (UNAVAILABLE_PRISMA_CODES.has(error.code)) return true;
    const cause = (error.meta?.driverAdapterError as { cause?: { code?: unknown } } | undefined)?.cause;
    return typeof cause?.code === "string" && UNAVAILABLE_SQLSTATE.test(cause.code);
  }
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && (UNAVAILABLE_SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code));
}

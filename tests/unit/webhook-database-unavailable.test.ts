import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/server/data/prisma-errors";
import { Prisma } from "@/server/generated/prisma/client";

const prismaError = (code: string, meta?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError("failed", { code, clientVersion: "7.10.0", meta });
const postgresError = (code: string) =>
  prismaError("P2010", {
    driverAdapterError: { name: "DriverAdapterError", cause: { kind: "postgres", code } },
  });

describe("isDatabaseUnavailable (503 'try later' rather than 500)", () => {
  it("says yes when the server cannot be reached, times out, closes the connection or has no connection free", () => {
    for (const code of ["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]) {
      expect(isDatabaseUnavailable(prismaError(code)), code).toBe(true);
    }
  });

  it("says yes when Postgres is shutting down, restarting or terminated the backend (a failover)", () => {
    for (const code of ["57P01", "57P02", "57P03"])
      expect(isDatabaseUnavailable(postgresError(code))).toBe(true);
  });

  it("says yes when the client could not start for want of a reachable server", () => {
    expect(isDatabaseUnavailable(new Prisma.PrismaClientInitializationError("down", "7.10.0", "P1001"))).toBe(
      true,
    );
  });

  it("says no to a bug or a refused write: those are not fixed by waiting", () => {
    expect(isDatabaseUnavailable(prismaError("P2002"))).toBe(false);
    expect(isDatabaseUnavailable(postgresError("42P01"))).toBe(false);
    expect(
      isDatabaseUnavailable(new Prisma.PrismaClientInitializationError("bad password", "7.10.0", "P1000")),
    ).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("undefined is not a function"))).toBe(false);
    expect(isDatabaseUnavailable("P1001")).toBe(false);
  });
});

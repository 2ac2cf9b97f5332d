import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, isUniqueViolation } from "@/server/data/prisma-errors";
import { Prisma } from "@/server/generated/prisma/client";

const known = (code: string, meta?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError("failed", {
    code,
    clientVersion: Prisma.prismaVersion.client,
    meta,
  });

describe("isDatabaseUnavailable", () => {
  it.each(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"])("says yes to Prisma's %s", (code) => {
    expect(isDatabaseUnavailable(known(code))).toBe(true);
  });

  it.each(["57P01", "57P03", "53300", "08006"])("says yes when Postgres answers SQLSTATE %s", (sqlState) => {
    const error = known("P2010", { driverAdapterError: { cause: { kind: "postgres", code: sqlState } } });
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("says yes when the client could not start for want of a reachable server", () => {
    const error = new Prisma.PrismaClientInitializationError("down", Prisma.prismaVersion.client, "P1001");
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("says yes to a refused connection that reaches the app without Prisma's classification", () => {
    expect(
      isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })),
    ).toBe(true);
  });

  it.each([
    ["a unique violation", known("P2002")],
    ["a record not found", known("P2025")],
    ["a bug", new TypeError("undefined is not a function")],
    ["a SQL error", known("P2010", { driverAdapterError: { cause: { kind: "postgres", code: "42P01" } } })],
    [
      "a wrong password",
      new Prisma.PrismaClientInitializationError("auth", Prisma.prismaVersion.client, "P1000"),
    ],
    ["a string that looks like a code", "P1001"],
    ["a client that hung up mid-body", Object.assign(new Error("aborted"), { code: "ECONNRESET" })],
  ])("says no to %s", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("leaves unique violations to isUniqueViolation", () => {
    expect(isUniqueViolation(known("P2002"))).toBe(true);
  });
});

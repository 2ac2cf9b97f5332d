import { describe, expect, it } from "vitest";
import { cursorSchema, encodeCursor, pageSize, projectListQuerySchema } from "@/lib/validation/pagination";

const id = "0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

describe("page cursors", () => {
  it("decode back to the id they were made from, and are URL-safe", () => {
    const cursor = encodeCursor(id);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursorSchema.parse(cursor)).toBe(id);
  });

  it("refuse anything that is not a cursor this API issued, with a message saying what to pass", () => {
    for (const bad of ["not base64!", encodeCursor("42"), "x".repeat(500), ""]) {
      const result = cursorSchema.safeParse(bad);
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/nextCursor/);
    }
  });
});

describe("list queries", () => {
  it("default to 20 per page and read numbers from query strings", () => {
    expect(projectListQuerySchema.parse({})).toEqual({ limit: 20 });
    expect(projectListQuerySchema.parse({ limit: "5", q: "  web " })).toEqual({ limit: 5, q: "web" });
  });

  it("bound a page size a caller passes directly to 1–100", () => {
    expect([pageSize(undefined), pageSize(0), pageSize(7.9), pageSize(10_000), pageSize(Number.NaN)]).toEqual(
      [20, 1, 7, 100, 20],
    );
  });
});

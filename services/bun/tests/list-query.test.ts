import { describe, expect, it } from "bun:test";
import { ApiError } from "../src/errors";
import { encodeCursor, INVALID_CURSOR, parseListQuery } from "../src/query";

const ID = "0198f0a0-0000-7000-8000-000000000001";

function refusalOf(params: Record<string, string>): ApiError {
  try {
    parseListQuery(new URLSearchParams(params));
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("the query was accepted");
}

describe("list query parameters, read as the app's zod schema reads them", () => {
  it("defaults to twenty rows without a filter", () => {
    expect(parseListQuery(new URLSearchParams())).toEqual({ limit: 20, cursor: null, q: null });
  });

  it("reads a cursor it issued and trims the name filter", () => {
    const params = new URLSearchParams({ limit: "5", cursor: encodeCursor(ID), q: "  road " });
    expect(parseListQuery(params)).toEqual({ limit: 5, cursor: ID, q: "road" });
  });

  it.each([
    ["abc", "limit must be a number"],
    ["1.5", "limit must be a whole number"],
    ["0", "limit must be at least 1"],
    ["101", "limit must be at most 100"],
  ])("refuses limit=%s with the app's message", (limit, message) => {
    const refusal = refusalOf({ limit });
    expect([refusal.status, refusal.fields]).toEqual([400, { limit: [message] }]);
  });

  it("refuses a cursor it did not issue", () => {
    expect(refusalOf({ cursor: "not-a-cursor" }).fields).toEqual({ cursor: [INVALID_CURSOR] });
  });
});

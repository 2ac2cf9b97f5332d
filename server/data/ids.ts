import "server-only";
import { z } from "zod";
import { NotFoundError } from "./errors";

const uuid = z.uuid();

/**
 * Ids arrive from URLs and request bodies. One that is not a UUID cannot name a row, so it is a
 * 404 like any other unknown id — and never reaches Postgres, where the cast would be an error.
 */
export function rowId(id: string, what: string): string {
  if (!uuid.safeParse(id).success) throw new NotFoundError(what);
  return id.toLowerCase();
}

/** A decoded page cursor (a row id); a caller that skipped `cursorSchema` gets a validation error, not a SQL one. */
export function cursorId(cursor: string | undefined): string | undefined {
  return cursor === undefined ? undefined : uuid.parse(cursor, { error: () => "Invalid cursor" });
}

import { z } from "zod";

export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;

/**
 * A cursor is opaque to clients: today the base64url of the last row's id (ids are UUIDv7, so they
 * sort by creation time); keeping it opaque lets the keyset change without breaking clients.
 */
export function encodeCursor(lastId: string): string {
  return btoa(lastId).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

const INVALID_CURSOR = "Invalid cursor: pass the nextCursor of a previous page";

function decodeCursor(cursor: string): string | null {
  try {
    return atob(cursor.replaceAll("-", "+").replaceAll("_", "/"));
  } catch {
    return null;
  }
}

export const cursorSchema = z
  .string()
  .max(200, INVALID_CURSOR)
  .transform((cursor, ctx) => {
    const id = decodeCursor(cursor);
    if (id === null) {
      ctx.issues.push({ code: "custom", message: INVALID_CURSOR, input: cursor });
      return z.NEVER;
    }
    return id;
  })
  .pipe(z.uuid({ error: INVALID_CURSOR }));

export const pageQuerySchema = z.object({
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(PAGE_SIZE_MAX, `limit must be at most ${PAGE_SIZE_MAX}`)
    .default(PAGE_SIZE_DEFAULT),
  cursor: cursorSchema.optional(),
});

export const projectListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100, "q must be at most 100 characters").optional(),
});
export type ProjectListQuery = z.infer<typeof projectListQuerySchema>;
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** A page size a caller asked for, bounded to what the API allows. */
export function pageSize(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return PAGE_SIZE_DEFAULT;
  return Math.min(Math.max(Math.trunc(limit), 1), PAGE_SIZE_MAX);
}

export interface Page<T> {
  data: T[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() });

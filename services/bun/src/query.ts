/** List query parameters, read as the app's zod schema reads them (lib/validation/pagination.ts). */
import { ApiError } from "./errors";

export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;
const Q_MAX = 100;
export const INVALID_CURSOR = "Invalid cursor: pass the nextCursor of a previous page";
/** zod's `z.uuid()`, which the app validates ids and cursors with. */
export const UUID =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;

export interface ListQuery {
  limit: number;
  cursor: string | null;
  q: string | null;
}

export function parseListQuery(params: URLSearchParams): ListQuery {
  const fields: Record<string, string[]> = {};
  const query: ListQuery = { limit: PAGE_SIZE_DEFAULT, cursor: null, q: null };
  const limit = params.get("limit");
  if (limit !== null) {
    const message = limitError(Number(limit));
    if (message) fields.limit = [message];
    else query.limit = Number(limit);
  }
  const cursor = params.get("cursor");
  if (cursor !== null) {
    const id = decodeCursor(cursor);
    if (id === null) fields.cursor = [INVALID_CURSOR];
    query.cursor = id;
  }
  const q = params.get("q")?.trim();
  if (q && q.length > Q_MAX) fields.q = [`q must be at most ${Q_MAX} characters`];
  else query.q = q || null;
  if (Object.keys(fields).length) {
    throw new ApiError(400, "invalid_query", "The query parameters are invalid", fields);
  }
  return query;
}

function limitError(value: number): string | null {
  if (Number.isNaN(value)) return "limit must be a number";
  if (!Number.isInteger(value)) return "limit must be a whole number";
  if (value < 1) return "limit must be at least 1";
  if (value > PAGE_SIZE_MAX) return `limit must be at most ${PAGE_SIZE_MAX}`;
  return null;
}

function decodeCursor(cursor: string): string | null {
  if (cursor.length > 200) return null;
  try {
    const id = atob(cursor.replaceAll("-", "+").replaceAll("_", "/"));
    return UUID.test(id) ? id : null;
  } catch {
    return null;
  }
}

export function encodeCursor(lastId: string): string {
  return Buffer.from(lastId).toString("base64url");
}

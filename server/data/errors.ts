import "server-only";
import { notFound } from "next/navigation";

/**
 * Domain errors of the data access layer. Server actions turn them into form errors and the REST API
 * into status codes (see `server/api/errors.ts`); pages into `notFound()`.
 */

/** The row does not exist *for this organization*: another organization's id lands here too (404, never 403). */
export class NotFoundError extends Error {
  override name = "NotFoundError";
  constructor(readonly what: string) {
    super(`${what} not found`);
  }
}

/** The change contradicts data already there (a duplicate name): 409, and a field error on forms. */
export class ConflictError extends Error {
  override name = "ConflictError";
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Well-formed input that the organization's data refuses (an assignee who is not a member): 422. */
export class InvalidReferenceError extends Error {
  override name = "InvalidReferenceError";
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/** For pages: the loaded value, or Next's not-found page when the row is not this organization's. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

import "server-only";
import { Failure, INVALID_FIELDS_MESSAGE } from "@/lib/failure";

/**
 * Domain errors of the data access layer, in the app's one failure vocabulary (`lib/failure.ts`):
 * the REST API answers them as JSON, server actions as form state, pages as the not-found page.
 */

/** The row does not exist *for this organization*: another organization's id lands here too (404, never 403). */
export class NotFoundError extends Failure {
  override name = "NotFoundError";
  constructor(readonly what: string) {
    super("not_found", `${what} not found: it may have been deleted`);
  }
}

/** The change contradicts data already there (a duplicate name): 409, and a field error on forms. */
export class ConflictError extends Failure {
  override name = "ConflictError";
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super("conflict", message, field ? { fields: { [field]: [message] } } : {});
  }
}

/** Well-formed input that the organization's data refuses (an assignee who is not a member): 422. */
export class InvalidReferenceError extends Failure {
  override name = "InvalidReferenceError";
  constructor(
    message: string,
    readonly field: string,
  ) {
    super("validation_failed", INVALID_FIELDS_MESSAGE, { fields: { [field]: [message] } });
  }
}

import "server-only";
import { ZodError } from "zod";
import { Failure, INVALID_FIELDS_MESSAGE, UnavailableError } from "@/lib/failure";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { isDatabaseUnavailable } from "../data/prisma-errors";

/**
 * Classifies anything an entry point caught (`apiRoute`, `runFormAction`, `requireOrgPage`) into the
 * app's one failure vocabulary (`lib/failure.ts`), once, for whichever renderer the entry point uses.
 * Failures pass as they are; invalid input becomes a 422 per field; an unreachable database a 503
 * logged in one line (an outage is not a bug, and a stack trace per request would drown the log);
 * anything else is a bug: logged with its stack, answered with a 500 that reveals nothing.
 */
export function classifyFailure(error: unknown, where: string): Failure {
  if (error instanceof Failure) return error;
  if (error instanceof ZodError) {
    const { formErrors, fields } = fieldErrorsOf(error);
    return new Failure("validation_failed", formErrors[0] ?? INVALID_FIELDS_MESSAGE, { fields });
  }
  if (isDatabaseUnavailable(error)) {
    console.error(`${where}: database unavailable (${reasonOf(error)}); answered 503`);
    return new UnavailableError("The database");
  }
  console.error(`Unexpected error in ${where}:`, error);
  return new Failure("internal_error", "Something went wrong on our side; please try again");
}

/** Prisma's messages start with the call site and a code frame; the reason is on the last line. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split("\n").filter((line) => line.trim());
  return lines.at(-1)?.trim() ?? "no message";
}

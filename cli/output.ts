/**
 * What the CLI says and how it ends, so scripts can rely on both: results on stdout (text, or one
 * JSON document with `--json`), messages and errors on stderr (with `--json`, an error is a JSON
 * document `{ "error": { "code", "message" } }` there too), and these exit codes.
 */
import { ApiRequestError } from "../lib/api-client";

export const EXIT = {
  ok: 0,
  /** The request failed: the API refused it, the server could not be reached, the sign-in was declined. */
  failure: 1,
  /** The command line was wrong: an unknown command or option, a missing argument. */
  usage: 2,
  /** No credential for this app, or the app no longer accepts it (revoked, expired): `orgs login`. */
  signedOut: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CliError extends Error {
  override name = "CliError";
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    /** The API's error code, or the CLI's own (`not_signed_in`, `unreachable`, …). */
    readonly code: string,
  ) {
    super(message);
  }
}

export interface Output {
  json: boolean;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** A command's result: `data` as JSON with `--json`, else the lines `text` makes of it. */
export function printResult<T>(output: Output, data: T, text: (data: T) => string): void {
  output.stdout(output.json ? `${JSON.stringify(data, null, 2)}\n` : `${text(data)}\n`);
}

export function printError(output: Output, error: CliError): void {
  output.stderr(
    output.json
      ? `${JSON.stringify({ error: { code: error.code, message: error.message } })}\n`
      : `orgs: ${error.message}\n`,
  );
}

const signedOutMessage = "The app no longer accepts this credential (revoked or expired): run `orgs login`.";

/** Anything a command threw, as the CLI reports it: the API's answers keep their code and message. */
export function toCliError(error: unknown, apiUrl: string): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof ApiRequestError) {
    if (error.status === 401) return new CliError(signedOutMessage, EXIT.signedOut, error.code);
    const fields = Object.entries(error.fields).map(
      ([field, messages]) => `${field}: ${messages.join(", ")}`,
    );
    return new CliError([error.message, ...fields].join("; "), EXIT.failure, error.code);
  }
  // fetch() throws a TypeError for a refused connection, an unknown host, a TLS failure.
  if (error instanceof TypeError) {
    const cause = (error.cause as Error | undefined)?.message ?? error.message;
    return new CliError(`Cannot reach ${apiUrl} (${cause}).`, EXIT.failure, "unreachable");
  }
  return new CliError(error instanceof Error ? error.message : String(error), EXIT.failure, "internal_error");
}

/** A non-2xx answer of the app's CLI endpoints, read in the API's error shape. */
export async function errorOfResponse(response: Response, context: string): Promise<CliError> {
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string };
  } | null;
  const message = body?.error?.message ?? `the app answered ${response.status}`;
  const exitCode = response.status === 401 ? EXIT.signedOut : EXIT.failure;
  return new CliError(`${context}: ${message}`, exitCode, body?.error?.code ?? "http_error");
}

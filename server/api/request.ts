import "server-only";
import type { z } from "zod";
import { Failure } from "@/lib/failure";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { type RawBody, readRawBody } from "../http/read-body";

/** Request bodies are small JSON documents; anything larger is refused before it is parsed. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * The request's JSON body, validated with the shared zod schema: not JSON → 400, too large → 413,
 * not JSON content → 415, JSON that breaks the schema → a ZodError, which answers 422 per field.
 */
export async function readJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.output<T>> {
  return schema.parse(await readJson(request));
}

async function readJson(request: Request): Promise<unknown> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new Failure("unsupported_media_type", "Send the body as JSON with Content-Type: application/json");
  }
  const text = await readBodyText(request);
  try {
    return JSON.parse(text);
  } catch {
    throw new Failure("invalid_json", "The request body is not valid JSON");
  }
}

/** The request's body exactly as sent: over the limit → 413, cut off before its end → 400. */
export async function readBodyText(request: Request): Promise<string> {
  const body = await readBody(request);
  if (!body.ok) {
    throw new Failure("payload_too_large", `The request body must be at most ${MAX_BODY_BYTES / 1024} KB`);
  }
  return body.text;
}

/**
 * Reading fails only when the connection does (the client aborted mid-body, a proxy cut it): an
 * everyday event on the internet, not a bug, so it is logged in one line, never with a stack trace.
 */
async function readBody(request: Request): Promise<RawBody> {
  try {
    return await readRawBody(request, MAX_BODY_BYTES);
  } catch (error) {
    const reason = (error as { code?: unknown } | null)?.code ?? (error as Error | null)?.message;
    console.warn(
      `${request.method} ${new URL(request.url).pathname}: request body aborted (${String(reason)})`,
    );
    throw new Failure("request_aborted", "The request body was cut off before its end");
  }
}

/** The query string parsed with `schema`; a bad parameter is the client's mistake in the URL: 400. */
export function readQuery<T extends z.ZodType>(request: Request, schema: T): z.output<T> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const result = schema.safeParse(params);
  if (result.success) return result.data;
  const { formErrors, fields } = fieldErrorsOf(result.error);
  throw new Failure("invalid_query", formErrors[0] ?? "The query parameters are invalid", { fields });
}

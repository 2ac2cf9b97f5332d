import "server-only";
import type { z } from "zod";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { readRawBody } from "../http/read-body";
import { ApiError } from "./errors";

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
    throw new ApiError(
      415,
      "unsupported_media_type",
      "Send the body as JSON with Content-Type: application/json",
    );
  }
  const body = await readRawBody(request, MAX_BODY_BYTES);
  if (!body.ok) throw tooLarge();
  try {
    return JSON.parse(body.text);
  } catch {
    throw new ApiError(400, "invalid_json", "The request body is not valid JSON");
  }
}

/** The query string parsed with `schema`; a bad parameter is the client's mistake in the URL: 400. */
export function readQuery<T extends z.ZodType>(request: Request, schema: T): z.output<T> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const result = schema.safeParse(params);
  if (result.success) return result.data;
  const { formErrors, fields } = fieldErrorsOf(result.error);
  throw new ApiError(400, "invalid_query", formErrors[0] ?? "The query parameters are invalid", fields);
}

function tooLarge(): ApiError {
  return new ApiError(
    413,
    "payload_too_large",
    `The request body must be at most ${MAX_BODY_BYTES / 1024} KB`,
  );
}

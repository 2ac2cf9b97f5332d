import "server-only";
import { z } from "zod";
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAYED_HEADER,
  idempotencyKeySchema,
} from "@/lib/validation/idempotency-key";

/** What the OpenAPI document (./openapi.ts) says on every POST about `Idempotency-Key` (./idempotency.ts). */

export const idempotencyKeyParameter = {
  name: IDEMPOTENCY_KEY_HEADER,
  in: "header",
  description:
    "A unique string per logical request (a UUID), the same on every retry of it: a retry within 24 hours gets the first answer instead of writing again",
  schema: (({ $schema: _schema, ...schema }) => schema)(z.toJSONSchema(idempotencyKeySchema)),
};

/** The headers of a POST's 201: where the new resource is, and whether this answer is a replay. */
export const createdHeaders = {
  Location: { description: "The path of what was created", schema: { type: "string" } },
  [IDEMPOTENT_REPLAYED_HEADER]: {
    description:
      "`true` when this is the stored answer to an earlier request with the same `Idempotency-Key`",
    schema: { type: "string", enum: ["true"] },
  },
};

const KEY_ERRORS: Record<string, string> = {
  "400": "an invalid `Idempotency-Key`",
  "409": "a request with this `Idempotency-Key` still in progress (retry after `Retry-After`)",
  "422": "the `Idempotency-Key` was used for a different request",
};

/** A POST's error responses, with the key's own reasons added to its 400, 409 and 422. */
export function withIdempotencyErrors<R extends { description: string }>(
  responses: Record<string, R>,
): Record<string, R> {
  return Object.fromEntries(
    Object.entries(responses).map(([status, response]) => {
      const reason = KEY_ERRORS[status];
      return [
        status,
        reason ? { ...response, description: `${response.description}; or ${reason}` } : response,
      ];
    }),
  );
}

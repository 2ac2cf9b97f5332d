import { z } from "zod";

/** The header that makes a POST safe to retry (server/api/idempotency.ts). */
export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
/** Set on an answer that is the stored answer to an earlier request with the same key. */
export const IDEMPOTENT_REPLAYED_HEADER = "Idempotent-Replayed";

/** 1–255 printable ASCII characters; a random UUID per logical request is the usual choice. */
export const idempotencyKeySchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x20-\x7E]*$/);

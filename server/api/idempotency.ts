import "server-only";
import { createHash } from "node:crypto";
import { Failure } from "@/lib/failure";
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAYED_HEADER,
  idempotencyKeySchema,
} from "@/lib/validation/idempotency-key";
import { inOneTenantTransaction, type TenantClient } from "../data/tenant";
import { Prisma } from "../generated/prisma/client";
import { readBodyText } from "./request";

/**
 * `Idempotency-Key` on POST: a client that timed out cannot know whether its create happened, so it
 * sends the same POST again with the same key, and gets the first answer instead of a second write.
 *
 * A keyed POST runs in one tenant transaction (`inOneTenantTransaction`) that the handler's data
 * access joins: the key is locked, looked up, the handler runs, and its answer is stored — all of it
 * commits together, so a key is recorded exactly when its work was. Only 2xx answers are stored: any
 * other answer wrote nothing (the transaction rolled back or never wrote), so running a retry again is
 * safe and lets it succeed once the cause is gone (a project created meanwhile, the database back).
 * See docs/rest-api.md, "Idempotent POSTs".
 */

/** How long a key answers with its first result; after that it is a new request. */
const KEY_LIFETIME = Prisma.sql`interval '24 hours'`;
/** Expired rows of the organization deleted along with each stored answer, so the table stays a day deep. */
const SWEEP_BATCH = 100;

interface Fingerprint {
  caller: string;
  method: string;
  path: string;
  bodySha256: string;
}

interface StoredAnswer extends Fingerprint {
  responseStatus: number;
  responseHeaders: Record<string, string>;
  responseBody: string;
}

/** Runs `respond` at most once per organization and key (a POST without a key runs as it is). */
export async function idempotent(request: Request, respond: () => Promise<Response>): Promise<Response> {
  const key = request.headers.get(IDEMPOTENCY_KEY_HEADER);
  if (request.method !== "POST" || key === null) return respond();
  if (!idempotencyKeySchema.safeParse(key).success) {
    throw new Failure("invalid_idempotency_key", "Idempotency-Key must be 1–255 printable ASCII characters");
  }
  // Hashed from a copy, read before the transaction opens, so a slow upload never holds a connection.
  const bodySha256 = createHash("sha256")
    .update(await readBodyText(request.clone()))
    .digest("hex");
  const { method } = request;
  const path = new URL(request.url).pathname;

  return inOneTenantTransaction(async (tx, { organizationId, context }) => {
    const fingerprint = { caller: context.actor, method, path, bodySha256 };
    await lockKey(tx, organizationId, key);
    const stored = await findLiveAnswer(tx, organizationId, key);
    if (stored) return replay(stored, fingerprint);
    const response = await respond();
    if (!response.ok) throw new UnkeptAnswer(response);
    const answer: StoredAnswer = {
      ...fingerprint,
      responseStatus: response.status,
      responseHeaders: Object.fromEntries(response.headers),
      responseBody: await response.text(),
    };
    await storeAnswer(tx, organizationId, key, answer);
    return toResponse(answer, false);
  }).catch((error: unknown) => {
    if (error instanceof UnkeptAnswer) return error.response;
    throw error;
  });
}

/**
 * A refusal a handler returned rather than threw: thrown through the transaction so that, like a
 * thrown one, it rolls back whatever the handler wrote — no key is kept for it, so nothing may be.
 */
class UnkeptAnswer extends Error {
  constructor(readonly response: Response) {
    super(`Answered ${response.status}: not kept`);
  }
}

/**
 * A transaction-scoped advisory lock on the key, tried rather than awaited: a second request with the
 * key while the first still runs gets 409 at once (as Stripe answers) instead of holding a database
 * connection while it waits; the first's commit releases the lock, and a retry then gets its answer.
 */
async function lockKey(tx: TenantClient, organizationId: string, key: string): Promise<void> {
  const [row] = await tx.$queryRaw<Array<{ locked: boolean }>>`
    SELECT pg_try_advisory_xact_lock(hashtextextended(${`idempotency:${organizationId}:${key}`}, 0)) AS locked`;
  if (!row?.locked) {
    throw new Failure(
      "idempotency_in_progress",
      "A request with this Idempotency-Key is still in progress: retry it in a moment",
      { retryAfterSeconds: 1 },
    );
  }
}

async function findLiveAnswer(
  tx: TenantClient,
  organizationId: string,
  key: string,
): Promise<StoredAnswer | undefined> {
  const rows = await tx.$queryRaw<StoredAnswer[]>`
    SELECT caller, method, path, body_sha256 AS "bodySha256", response_status AS "responseStatus",
           response_headers AS "responseHeaders", response_body AS "responseBody"
    FROM idempotency_keys
    WHERE organization_id = ${organizationId}::uuid AND key = ${key} AND created_at > now() - ${KEY_LIFETIME}`;
  return rows[0];
}

function replay(stored: StoredAnswer, request: Fingerprint): Response {
  const same =
    stored.caller === request.caller &&
    stored.method === request.method &&
    stored.path === request.path &&
    stored.bodySha256 === request.bodySha256;
  if (!same) {
    throw new Failure(
      "idempotency_key_reused",
      "This Idempotency-Key was already used for a different request: send a new key with a new request",
    );
  }
  return toResponse(stored, true);
}

/**
 * Inserts the answer; an expired row of the same key (ignored by the lookup) is replaced in place.
 * Then a bounded batch of the organization's expired rows is swept, skipping rows another
 * transaction is sweeping, so concurrent POSTs never wait on each other here.
 */
async function storeAnswer(tx: TenantClient, organizationId: string, key: string, answer: StoredAnswer) {
  const headers = JSON.stringify(answer.responseHeaders);
  await tx.$executeRaw`
    INSERT INTO idempotency_keys (organization_id, key, caller, method, path, body_sha256,
                                  response_status, response_headers, response_body)
    VALUES (${organizationId}::uuid, ${key}, ${answer.caller}, ${answer.method}, ${answer.path},
            ${answer.bodySha256}, ${answer.responseStatus}, ${headers}::jsonb, ${answer.responseBody})
    ON CONFLICT (organization_id, key) DO UPDATE SET
      caller = excluded.caller, method = excluded.method, path = excluded.path,
      body_sha256 = excluded.body_sha256, response_status = excluded.response_status,
      response_headers = excluded.response_headers, response_body = excluded.response_body,
      created_at = now()
    WHERE idempotency_keys.created_at <= now() - ${KEY_LIFETIME}`;
  await tx.$executeRaw`
    DELETE FROM idempotency_keys WHERE (organization_id, key) IN (
      SELECT organization_id, key FROM idempotency_keys
      WHERE organization_id = ${organizationId}::uuid AND created_at <= now() - ${KEY_LIFETIME}
      LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED)`;
}

function toResponse(answer: StoredAnswer, replayed: boolean): Response {
  const headers = new Headers(answer.responseHeaders);
  if (replayed) headers.set(IDEMPOTENT_REPLAYED_HEADER, "true");
  const noBody = answer.responseStatus === 204 || answer.responseStatus === 205;
  return new Response(noBody ? null : answer.responseBody, { status: answer.responseStatus, headers });
}

/**
 * The API-key endpoints of the Backend API stand-in (`clerk-api-server.ts`), in Clerk's shapes: what
 * `@clerk/backend` calls for `apiKeys.create|list|revoke|verify` and, through `verify`, what its
 * `authenticateRequest({ acceptsToken: "api_key" })` calls for every request carrying a key. A
 * revoked, expired or unknown secret answers 404, which the SDK reads as an invalid token. Clerk
 * serves these without the `/v1` prefix (the SDK calls `/api_keys…`).
 */
import { randomBytes } from "node:crypto";

export interface StoredApiKey {
  object: "api_key";
  id: string;
  type: "api_key";
  name: string;
  subject: string;
  scopes: string[];
  claims: Record<string, unknown> | null;
  revoked: boolean;
  revocation_reason: string | null;
  expired: boolean;
  expiration: number | null;
  created_by: string | null;
  description: string | null;
  last_used_at: number | null;
  created_at: number;
  updated_at: number;
  secret: string;
}

export type Answer = { status: number; body: unknown };

const notFound = (message: string): Answer => ({
  status: 404,
  body: { errors: [{ code: "resource_not_found", message }] },
});

/** Clerk's JSON of a key: the secret only in the answer to `create`. */
function publicJson(key: StoredApiKey, now: number): Omit<StoredApiKey, "secret"> {
  const { secret: _secret, ...rest } = key;
  return { ...rest, expired: key.expiration !== null && key.expiration <= now };
}

/** Answers `/api_keys…`, or null for any other path. */
export function answerApiKeys(
  keys: StoredApiKey[],
  method: string,
  url: URL,
  body: Record<string, unknown>,
): Answer | null {
  const [, resource, id, action] = url.pathname.split("/");
  if (resource !== "api_keys") return null;
  const now = Date.now();
  if (method === "POST" && id === "verify") {
    const key = keys.find((candidate) => candidate.secret === body.secret);
    if (!key || key.revoked || publicJson(key, now).expired) return notFound("API key not found");
    key.last_used_at = now;
    return { status: 200, body: publicJson(key, now) };
  }
  if (method === "POST" && !id) {
    const seconds = body.seconds_until_expiration;
    const key: StoredApiKey = {
      object: "api_key",
      id: `ak_id_${randomBytes(8).toString("hex")}`,
      type: "api_key",
      name: String(body.name),
      subject: String(body.subject),
      scopes: (body.scopes as string[] | undefined) ?? [],
      claims: (body.claims as Record<string, unknown> | undefined) ?? null,
      revoked: false,
      revocation_reason: null,
      expired: false,
      expiration: typeof seconds === "number" ? now + seconds * 1000 : null,
      created_by: (body.created_by as string | undefined) ?? null,
      description: (body.description as string | undefined) ?? null,
      last_used_at: null,
      created_at: now,
      updated_at: now,
      secret: `ak_${randomBytes(24).toString("hex")}`,
    };
    keys.push(key);
    return { status: 200, body: { ...publicJson(key, now), secret: key.secret } };
  }
  if (method === "GET" && !id) {
    const includeInvalid = url.searchParams.get("include_invalid") === "true";
    const listed = keys
      .filter((key) => key.subject === url.searchParams.get("subject"))
      .map((key) => publicJson(key, now))
      .filter((key) => includeInvalid || !(key.revoked || key.expired))
      .reverse();
    return { status: 200, body: { data: listed, total_count: listed.length } };
  }
  const key = keys.find((candidate) => candidate.id === id);
  if (!key) return notFound("API key not found");
  if (method === "POST" && action === "revoke") {
    key.revoked = true;
    key.revocation_reason = (body.revocation_reason as string | null | undefined) ?? null;
    key.updated_at = now;
    return { status: 200, body: publicJson(key, now) };
  }
  if (method === "GET" && !action) return { status: 200, body: publicJson(key, now) };
  return notFound("no such endpoint");
}

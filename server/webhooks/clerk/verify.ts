import "server-only";
import { Webhook, WebhookVerificationError } from "svix";

export type Verification = { ok: true; svixId: string } | { ok: false; reason: string };

/**
 * Checks the delivery's signature over the exact bytes received (never a re-serialized body) and its
 * timestamp (Svix accepts ±5 minutes, which stops replays of old captures). Verification is svix's
 * own; this only classifies the result.
 */
export function verifyClerkDelivery(secret: string, body: string, headers: Headers): Verification {
  const svixHeaders = {
    "svix-id": headers.get("svix-id") ?? "",
    "svix-timestamp": headers.get("svix-timestamp") ?? "",
    "svix-signature": headers.get("svix-signature") ?? "",
  };
  try {
    webhookFor(secret).verify(body, svixHeaders);
  } catch (error) {
    if (error instanceof WebhookVerificationError) return { ok: false, reason: error.message };
    // svix < 2.2 parses the body itself once the signature matched: a SyntaxError means "signed, not
    // JSON", which the dispatcher reports (and records) after parsing the body on its own.
    if (!(error instanceof SyntaxError)) throw error;
  }
  return { ok: true, svixId: svixHeaders["svix-id"] };
}

// The secret only changes with the environment, so its decoded key is kept rather than decoded on
// every delivery; a different secret (tests, a rotation) replaces it.
let cached: { secret: string; webhook: Webhook } | null = null;

function webhookFor(secret: string): Webhook {
  if (cached?.secret !== secret) cached = { secret, webhook: new Webhook(secret) };
  return cached.webhook;
}

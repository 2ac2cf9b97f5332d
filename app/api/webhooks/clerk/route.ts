import { env } from "@/server/env";
import { readRawBody } from "@/server/http/read-body";
import { handleClerkDelivery } from "@/server/webhooks/clerk/dispatch";
import { answer, refuse, refuseUnverified, startDelivery } from "@/server/webhooks/clerk/respond";
import { verifyClerkDelivery } from "@/server/webhooks/clerk/verify";

// Clerk's payloads are a few KB; anything this large is not from Clerk and is not buffered.
const MAX_BODY_BYTES = 1024 * 1024;

/** Clerk → Postgres sync: verify → dispatch → answer. Public (Svix signs every delivery); see docs/webhooks.md. */
export async function POST(request: Request) {
  const delivery = startDelivery(request);
  const secret = env.webhookSigningSecret;
  if (!secret)
    return refuse(delivery, 503, "Webhook signing secret is not configured (CLERK_WEBHOOK_SIGNING_SECRET)");
  const body = await readRawBody(request, MAX_BODY_BYTES);
  if (!body.ok) return refuse(delivery, 413, "Payload larger than 1 MB");
  const verified = verifyClerkDelivery(secret, body.text, request.headers);
  if (!verified.ok) return refuseUnverified(delivery, request, verified.reason);
  return answer(delivery, await handleClerkDelivery({ svixId: verified.svixId, body: body.text }));
}

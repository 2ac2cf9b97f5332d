import "server-only";
import { countFailedWebhookVerification } from "../../rate-limit/limits";
import type { DeliveryOutcome } from "./dispatch";

/** When the request arrived and who it claims to be, for the one log line per delivery. */
export interface DeliveryContext {
  startedAt: number;
  svixId: string | null;
}

export function startDelivery(request: Request): DeliveryContext {
  return { startedAt: performance.now(), svixId: request.headers.get("svix-id") };
}

/** A delivery refused before it was verified: nothing was written. */
export function refuse(
  context: DeliveryContext,
  status: 400 | 413 | 429 | 503,
  error: string,
  retryAfterSeconds?: number,
): Response {
  logDelivery({
    svixId: context.svixId,
    type: null,
    outcome: "rejected",
    status,
    ms: elapsed(context),
    error,
  });
  const headers = retryAfterSeconds === undefined ? undefined : { "Retry-After": String(retryAfterSeconds) };
  return Response.json({ error }, { status, headers });
}

const STATUS_OF: Record<DeliveryOutcome["status"], number> = {
  processed: 200,
  stale: 200,
  duplicate: 200,
  // 2xx on purpose: any other answer makes Svix retry the event for about a day.
  ignored: 200,
  failed: 400,
  // "Try later": Svix retries either way, but its dashboard and the logs tell an outage from a bug.
  unavailable: 503,
  error: 500,
};

/**
 * A delivery whose signature failed: 400, or 429 once its IP has sent too many of them. Only failures
 * count, so a valid delivery is never refused, whatever its IP's budget (Svix would lose it).
 */
export async function refuseUnverified(
  context: DeliveryContext,
  request: Request,
  reason: string,
): Promise<Response> {
  const limited = await countFailedWebhookVerification(request);
  if (limited) return refuse(context, 429, limited.message, limited.retryAfterSeconds);
  return refuse(context, 400, `Invalid webhook signature: ${reason}`);
}

export function answer(context: DeliveryContext, outcome: DeliveryOutcome): Response {
  const status = STATUS_OF[outcome.status];
  const error = "error" in outcome ? outcome.error : undefined;
  logDelivery({
    svixId: context.svixId,
    type: outcome.type,
    outcome: outcome.status,
    status,
    ms: elapsed(context),
    error,
  });
  if (outcome.status === "error" || outcome.status === "unavailable") {
    // The cause is in the logs; the response only tells Svix (and whoever reads its log) to retry.
    return Response.json({ error: "The event could not be stored; it will be retried." }, { status });
  }
  // Clerk shows response bodies in its webhook logs: Clerk ids and what changed, no internal row ids.
  const changes =
    "changes" in outcome
      ? outcome.changes.map(({ object, clerkId, change }) => ({ object, clerkId, change }))
      : undefined;
  return Response.json({ ...outcome, changes }, { status });
}

function elapsed(context: DeliveryContext): number {
  return performance.now() - context.startedAt;
}

interface DeliveryLog {
  svixId: string | null;
  type: string | null;
  outcome: string;
  status: number;
  ms: number;
  error?: string;
}

/**
 * One JSON line per delivery, for log search and alerts. Ids, type, outcome and timing only: the
 * payload (names, email addresses) never reaches the logs.
 */
function logDelivery(entry: DeliveryLog): void {
  const line = JSON.stringify({ event: "clerk_webhook", ...entry, ms: Math.round(entry.ms * 10) / 10 });
  if (entry.status >= 500) console.error(line);
  else console.info(line);
}

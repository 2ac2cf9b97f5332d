import "server-only";
import type { DeliveryOutcome } from "./dispatcher";
import { logDelivery } from "./log";

/** When the request arrived and who it claims to be, for the one log line per delivery. */
export interface DeliveryContext {
  startedAt: number;
  svixId: string | null;
}

export function startDelivery(request: Request): DeliveryContext {
  return { startedAt: performance.now(), svixId: request.headers.get("svix-id") };
}

/** A delivery refused before it was verified: nothing was written. */
export function refuse(context: DeliveryContext, status: 400 | 413 | 503, error: string): Response {
  logDelivery({
    svixId: context.svixId,
    type: null,
    outcome: "rejected",
    status,
    ms: elapsed(context),
    error,
  });
  return Response.json({ error }, { status });
}

const STATUS_OF: Record<DeliveryOutcome["status"], number> = {
  processed: 200,
  stale: 200,
  duplicate: 200,
  // 2xx on purpose: any other answer makes Svix retry the event for about a day.
  ignored: 200,
  failed: 400,
  error: 500,
};

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
  if (outcome.status === "error") {
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

import "server-only";
import { RateLimitedError } from "@/lib/failure";
import type { OrgContext } from "../auth/session";
import { env } from "../env";
import { clientIpOf } from "./client-ip";
import { createRateLimiter, type RateLimiter } from "./limiter";
import { rateLimitPool } from "./store";

type LimitName = "api" | "actions" | "public" | "webhook-failures";

const limiters = new Map<LimitName, RateLimiter>();

function limiter(name: LimitName): RateLimiter | null {
  const config = env.rateLimits;
  if (!config.enabled) return null;
  let created = limiters.get(name);
  if (!created) {
    const perMinute = {
      api: config.apiPerMinute,
      actions: config.actionsPerMinute,
      public: config.publicPerMinute,
      "webhook-failures": config.webhookFailuresPerMinute,
    }[name];
    created = createRateLimiter({ name, perMinute, pool: rateLimitPool() });
    limiters.set(name, created);
  }
  return created;
}

/**
 * Counts a request of a verified caller: per user (or API key) *in one organization*, so a person
 * in two organizations has a budget in each and one tenant's traffic never spends another's.
 * Throws `RateLimitedError` over the limit, which `apiRoute` and `runFormAction` render.
 */
export async function limitCaller(name: "api" | "actions", caller: OrgContext): Promise<void> {
  await limiter(name)?.consume(`${caller.orgId}:${caller.actor}`);
}

/** Counts a request of a public route handler per client IP (see `client-ip.ts`). */
export async function limitClientIp(name: "public" | "webhook-failures", request: Request): Promise<void> {
  await limiter(name)?.consume(clientIpOf(request.headers, env.rateLimits.trustedProxies));
}

/**
 * Counts a webhook delivery that failed signature verification against its IP's budget, and returns
 * the refusal once the budget is spent. Only failures count, and only after verifying: Svix retries
 * valid deliveries from the same addresses, and refusing one would lose an event.
 */
export async function countFailedWebhookVerification(request: Request): Promise<RateLimitedError | null> {
  try {
    await limitClientIp("webhook-failures", request);
    return null;
  } catch (error) {
    if (error instanceof RateLimitedError) return error;
    throw error;
  }
}

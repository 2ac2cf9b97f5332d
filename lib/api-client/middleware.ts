import type { Middleware } from "openapi-fetch";

/** Sets the request's credentials; called before every attempt, so a retry carries a fresh token. */
export type Authorize = (headers: Headers) => Promise<void>;

export type Credentials =
  | {
      /** Returns a current Clerk session token (for example `await getToken()` from Clerk). */
      getToken: () => string | null | Promise<string | null>;
      apiKey?: never;
    }
  | {
      /** An API key, for scripts and services that act without a signed-in person. */
      apiKey: string;
      getToken?: never;
    };

export function authorizeWith(credentials: Credentials): Authorize {
  return async (headers) => {
    const secret = credentials.apiKey ?? (await credentials.getToken?.());
    if (secret) headers.set("Authorization", `Bearer ${secret}`);
    else headers.delete("Authorization");
  };
}

export const authMiddleware = (authorize: Authorize): Middleware => ({
  async onRequest({ request }) {
    await authorize(request.headers);
    return request;
  },
});

/**
 * One random key per logical POST, kept on every retry of it, so the API recognises a retried
 * create and answers it with the first result instead of creating twice. A key the caller set wins.
 */
export const idempotencyKeyMiddleware: Middleware = {
  onRequest({ request }) {
    if (request.method === "POST" && !request.headers.has("Idempotency-Key")) {
      request.headers.set("Idempotency-Key", crypto.randomUUID());
    }
    return request;
  },
};

export interface RetryPolicy {
  /** Retries after a 429, a 503 or a 409 `idempotency_in_progress` (default 3). */
  retries: number;
  /** First backoff when the server sends no `Retry-After` (default 250 ms; doubles each retry). */
  retryDelayMs: number;
  /** Longest wait between attempts, whatever `Retry-After` says (default 10 s). */
  maxRetryDelayMs: number;
}

const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);
// 429 and 503 say "not now": the request was refused, not half-done, so sending it again is the cure.
const RETRYABLE_STATUS = new Set([429, 503]);

/**
 * Also retried: 409 `idempotency_in_progress`, an earlier attempt of this same POST still running
 * (its answer to us was lost, say to a proxy's timeout). Once it ends, a retry gets its answer.
 */
async function isRetryable(response: Response): Promise<boolean> {
  if (RETRYABLE_STATUS.has(response.status)) return true;
  if (response.status !== 409) return false;
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { error?: { code?: unknown } } | null;
  return body?.error?.code === "idempotency_in_progress";
}

/**
 * A request may be sent again only when a repeat cannot do anything twice: its method is idempotent,
 * or it carries an Idempotency-Key (every POST from this client does). PATCH carries none: never retried.
 */
const mayRepeat = (request: Request) =>
  IDEMPOTENT_METHODS.has(request.method) || request.headers.has("Idempotency-Key");

/** Retries with backoff. Register it last, so the copy it keeps for retries has every header set. */
export function retryMiddleware(policy: RetryPolicy, authorize: Authorize): Middleware {
  // A sent request's body is spent; each retry sends a clone of this untouched copy.
  const unsent = new WeakMap<Request, Request>();
  return {
    onRequest({ request }) {
      if (policy.retries > 0 && mayRepeat(request)) unsent.set(request, request.clone());
      return undefined;
    },
    async onResponse({ request, response, options }) {
      const copy = unsent.get(request);
      unsent.delete(request);
      if (!copy) return undefined;
      let answer = response;
      for (let retry = 1; retry <= policy.retries && (await isRetryable(answer)); retry++) {
        await answer.body?.cancel();
        await sleep(retryDelay(answer, retry, policy));
        const attempt = copy.clone();
        await authorize(attempt.headers);
        answer = await options.fetch(attempt);
      }
      return answer;
    },
  };
}

/** `Retry-After` (seconds or an HTTP date) when the server sends it, else backoff; never over the ceiling. */
function retryDelay(response: Response, retry: number, policy: RetryPolicy): number {
  const backoff = policy.retryDelayMs * 2 ** (retry - 1);
  // Half the backoff fixed, half random: clients turned away together do not all come back together.
  const ms = retryAfterMs(response.headers.get("Retry-After")) ?? backoff / 2 + (Math.random() * backoff) / 2;
  return Math.min(Math.max(ms, 0), policy.maxRetryDelayMs);
}

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) ? ms : undefined;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

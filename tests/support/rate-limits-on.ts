/**
 * Turns the rate limits on, with limits small enough to reach in a test, for the file that imports it
 * first (before any `server/` module reads the environment); every other test runs with them off
 * (`./database-per-file.ts`). One trusted proxy: a test picks its client's IP with X-Forwarded-For.
 */
export const TEST_RATE_LIMITS = { api: 5, actions: 3, public: 4, webhookFailures: 3 } as const;

process.env.RATE_LIMIT_ENABLED = "true";
process.env.RATE_LIMIT_API_PER_MINUTE = String(TEST_RATE_LIMITS.api);
process.env.RATE_LIMIT_ACTIONS_PER_MINUTE = String(TEST_RATE_LIMITS.actions);
process.env.RATE_LIMIT_PUBLIC_PER_MINUTE = String(TEST_RATE_LIMITS.public);
process.env.RATE_LIMIT_WEBHOOK_FAILURES_PER_MINUTE = String(TEST_RATE_LIMITS.webhookFailures);
process.env.RATE_LIMIT_TRUSTED_PROXIES = "1";

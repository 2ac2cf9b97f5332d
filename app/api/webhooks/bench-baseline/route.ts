import { naiveWebhookBaseline } from "@/server/benchmark/webhook-baseline";

// Served under /api/webhooks/ so it takes the same middleware path as the real endpoint; see
// server/benchmark/webhook-baseline.ts (a 404 unless BENCHMARK_ROUTES=1).
export const POST = naiveWebhookBaseline;

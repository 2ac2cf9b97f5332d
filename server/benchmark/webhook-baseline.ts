import "server-only";
import { db } from "../db";
import { env } from "../env";
import { verifyClerkDelivery } from "../webhooks/clerk/verify";

/**
 * The naive handler `npm run bench:webhooks` measures the real one against, in the same build and
 * server: verify, then one plain insert, the way most starters do it (a duplicate delivery hits the
 * unique key and answers 500). A 404 unless the server runs with BENCHMARK_ROUTES=1, which only the
 * benchmarks set.
 */
export async function naiveWebhookBaseline(request: Request): Promise<Response> {
  const secret = env.webhookSigningSecret;
  if (!env.benchmarkRoutes || !secret) return Response.json({ error: "Not found" }, { status: 404 });
  const body = await request.text();
  const verified = verifyClerkDelivery(secret, body, request.headers);
  if (!verified.ok) return Response.json({ error: verified.reason }, { status: 400 });
  const { type } = JSON.parse(body) as { type: string };
  await db.webhookEvent.create({ data: { svixId: verified.svixId, type, status: "processed" } });
  return Response.json({ status: "processed" });
}

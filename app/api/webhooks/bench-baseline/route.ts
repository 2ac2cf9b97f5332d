import { db } from "@/server/db";
import { env } from "@/server/env";
import { verifyClerkDelivery } from "@/server/webhooks/clerk/verify";

/**
 * The naive handler `npm run bench:webhooks` measures ours against, in the same build and server and
 * behind the same middleware path (so the comparison is fair): verify, then one plain insert, the way
 * most starters do it (a duplicate delivery hits the unique key and answers 500). It exists only
 * while BENCHMARK_ROUTES=1, which the benchmarks set on the server they start; elsewhere it is a 404.
 */
export async function POST(request: Request) {
  const secret = env.webhookSigningSecret;
  if (!env.benchmarkRoutes || !secret) return Response.json({ error: "Not found" }, { status: 404 });
  const body = await request.text();
  const verified = verifyClerkDelivery(secret, body, request.headers);
  if (!verified.ok) return Response.json({ error: verified.reason }, { status: 400 });
  const { type } = JSON.parse(body) as { type: string };
  await db.webhookEvent.create({ data: { svixId: verified.svixId, type, status: "processed" } });
  return Response.json({ status: "processed" });
}

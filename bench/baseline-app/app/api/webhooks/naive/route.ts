import { Webhook } from "svix";
import { db, requiredEnv } from "../../../../db";

/**
 * The naive Clerk webhook handler the product's is measured against: verify, then one plain
 * insert, the way most starters do it. A duplicate delivery hits the unique key and answers 500;
 * nothing is synced and order is not kept.
 */
export async function POST(request: Request) {
  const body = await request.text();
  const svixId = request.headers.get("svix-id") ?? "";
  try {
    new Webhook(requiredEnv("CLERK_WEBHOOK_SIGNING_SECRET")).verify(
      body,
      Object.fromEntries(request.headers),
    );
  } catch {
    return Response.json({ error: "invalid signature" }, { status: 400 });
  }
  const { type } = JSON.parse(body) as { type: string };
  await db().webhookEvent.create({ data: { svixId, type, status: "processed" } });
  return Response.json({ status: "processed" });
}

/**
 * Loads the real webhook route (and the app's Prisma client) with the test signing secret, and
 * delivers signed requests to it the way Svix would.
 */
import { vi } from "vitest";
import { POST } from "@/app/api/webhooks/clerk/route";
import { db } from "@/server/db";
import { eventBody, type SignOptions, signedRequest, TEST_SIGNING_SECRET } from "./svix-signing";

export interface DeliveryResult {
  status: number;
  body: Record<string, unknown>;
}

export async function loadWebhookRoute() {
  // server/env.ts reads the environment on first use, which is the first delivery: still in time.
  process.env.CLERK_WEBHOOK_SIGNING_SECRET = TEST_SIGNING_SECRET;

  async function send(request: Request): Promise<DeliveryResult> {
    const response = await POST(request);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }
  return {
    POST,
    db,
    send,
    /** Signs `body` (exact bytes) and delivers it. */
    deliverBody: (body: string, options?: SignOptions) => send(signedRequest(body, options)),
    /** Wraps `data` in a Clerk event envelope, signs and delivers it. */
    deliver: (type: string, data: unknown, options?: SignOptions) =>
      send(signedRequest(eventBody(type, data), options)),
  };
}

/** Collects the route's log lines (parsed) instead of printing them. */
export function captureDeliveryLogs(): Array<Record<string, unknown>> {
  const lines: Array<Record<string, unknown>> = [];
  const collect = (line: unknown) => {
    lines.push(JSON.parse(String(line)));
  };
  vi.spyOn(console, "info").mockImplementation(collect);
  vi.spyOn(console, "error").mockImplementation(collect);
  return lines;
}

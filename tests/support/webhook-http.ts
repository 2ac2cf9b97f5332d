/** Delivers signed Clerk webhooks over HTTP, the way Svix does, to a running app (or its load balancer). */
import { type SignOptions, svixHeaders } from "./svix-signing";

export const WEBHOOK_PATH = "/api/webhooks/clerk";

export async function postSignedDelivery(
  baseUrl: string,
  body: string,
  options: SignOptions,
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(new URL(WEBHOOK_PATH, baseUrl), {
    method: "POST",
    headers: svixHeaders(body, options),
    body,
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

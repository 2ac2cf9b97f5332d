/**
 * Sends deliveries with a fixed number of concurrent senders, each signing its request just before
 * sending it (as Svix does per attempt), and records every latency and status.
 */
import { Webhook } from "svix";

export interface Delivery {
  svixId: string;
  body: string;
}

export interface LoadResult {
  seconds: number;
  latenciesMs: number[];
  statuses: Map<number, number>;
}

export async function sendConcurrently(
  url: string,
  secret: string,
  deliveries: readonly Delivery[],
  senders: number,
): Promise<LoadResult> {
  const webhook = new Webhook(secret);
  const latenciesMs: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const sender = async () => {
    for (let index = next++; index < deliveries.length; index = next++) {
      const delivery = deliveries[index] as Delivery;
      const sentAt = new Date();
      const headers = {
        "content-type": "application/json",
        "svix-id": delivery.svixId,
        "svix-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
        "svix-signature": webhook.sign(delivery.svixId, sentAt, delivery.body),
      };
      const started = performance.now();
      const response = await fetch(url, { method: "POST", headers, body: delivery.body });
      await response.arrayBuffer();
      latenciesMs.push(performance.now() - started);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: senders }, sender));
  return { seconds: (performance.now() - started) / 1000, latenciesMs, statuses };
}

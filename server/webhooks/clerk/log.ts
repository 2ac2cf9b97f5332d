import "server-only";

export interface DeliveryLog {
  svixId: string | null;
  type: string | null;
  outcome: string;
  status: number;
  ms: number;
  error?: string;
}

/**
 * One JSON line per delivery, for log search and alerts. Ids, type, outcome and timing only: the
 * payload (names, email addresses) never reaches the logs.
 */
export function logDelivery(entry: DeliveryLog): void {
  const line = JSON.stringify({ event: "clerk_webhook", ...entry, ms: Math.round(entry.ms * 10) / 10 });
  if (entry.status >= 500) console.error(line);
  else console.info(line);
}

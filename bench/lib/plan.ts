/** The delivery plan of the benchmark, and the check of the tables it leaves behind. */
import type { History, SyncedTables } from "../../tests/support/clerk-history";
import type { Delivery } from "./load";

/**
 * Svix's best-effort order: each event displaced by up to a few positions, and duplicates (retries
 * and redeliveries, same message id and bytes) arriving at random moments after the original.
 */
export function planDeliveries(history: History, duplicates: number, random: () => number): Delivery[] {
  const plan = history.events
    .map((event, index) => ({ event, key: index + random() * 12 }))
    .sort((a, b) => a.key - b.key)
    .map(({ event }) => ({ svixId: event.svixId, body: event.body }));
  for (let count = 0; count < duplicates; count++) {
    const original = Math.floor(random() * plan.length);
    const position = original + 1 + Math.floor(random() * (plan.length - original));
    plan.splice(position, 0, plan[original] as Delivery);
  }
  return plan;
}

export function countWrongRows(actual: SyncedTables, expected: SyncedTables): number {
  let wrong = 0;
  for (const table of ["users", "organizations", "memberships"] as const) {
    const byId = new Map(actual[table].map((row) => [row.clerkId, JSON.stringify(row)]));
    for (const row of expected[table]) if (byId.get(row.clerkId) !== JSON.stringify(row)) wrong += 1;
    wrong += Math.max(0, actual[table].length - expected[table].length);
  }
  return wrong;
}

/**
 * The convergence property of the webhook sync, whatever carries the deliveries (the route called in
 * process, or HTTP through a load balancer to several instances): for simulated Clerk histories,
 * delivering every event in a shuffled order with duplicates ends with the same tables as delivering
 * them in order, and in-order delivery ends with what Clerk holds.
 */
import fc from "fast-check";
import { expect } from "vitest";
import { type History, type HistoryEvent, type SyncedTables, simulateClerkHistory } from "./clerk-history";

export interface ConvergenceTarget {
  /** Delivers one event as Svix would; returns the HTTP status. */
  deliver(event: HistoryEvent): Promise<{ status: number; body: unknown }>;
  /** Empties the synced tables and the webhook ledger. */
  clear(): Promise<void>;
  read(): Promise<SyncedTables>;
}

export interface ConvergenceRun {
  histories: number;
  schedulesPerHistory: number;
  eventsPerHistory: number;
  seed: number;
}

async function deliverAll(target: ConvergenceTarget, history: History, order: readonly number[]) {
  await target.clear();
  for (const index of order) {
    const event = history.events[index];
    if (!event) throw new Error(`no event ${index}`);
    const result = await target.deliver(event);
    // Every delivery is acknowledged: a 4xx/5xx here would be an event Svix retries forever.
    if (result.status !== 200)
      throw new Error(`${event.type} answered ${result.status}: ${JSON.stringify(result.body)}`);
  }
  return target.read();
}

/** A delivery order: every event at least once, shuffled, some delivered again at random moments. */
export const scheduleFor = (eventCount: number) =>
  fc
    .tuple(
      fc.shuffledSubarray(
        Array.from({ length: eventCount }, (_, index) => index),
        { minLength: eventCount, maxLength: eventCount },
      ),
      fc.array(fc.tuple(fc.nat(eventCount - 1), fc.nat(eventCount)), { minLength: 1, maxLength: 6 }),
    )
    .map(([order, duplicates]) => {
      const schedule = [...order];
      for (const [event, position] of duplicates) schedule.splice(position, 0, event);
      return schedule;
    });

/** Checks the property for `run.histories` histories; resolves with the number of shuffled orders checked. */
export async function assertConvergence(target: ConvergenceTarget, run: ConvergenceRun): Promise<number> {
  const scenario = fc.integer({ min: 1, max: 0x7fffffff }).chain((seed) => {
    const history = simulateClerkHistory(seed, run.eventsPerHistory);
    return fc.tuple(
      fc.constant(history),
      fc.array(scheduleFor(history.events.length), {
        minLength: run.schedulesPerHistory,
        maxLength: run.schedulesPerHistory,
      }),
    );
  });
  let orders = 0;
  await fc.assert(
    fc.asyncProperty(scenario, async ([history, schedules]) => {
      const inOrder = await deliverAll(
        target,
        history,
        history.events.map((_, index) => index),
      );
      // The in-order result is itself checked against what Clerk ended up holding.
      expect(inOrder).toEqual(history.expected);
      for (const schedule of schedules) {
        expect(schedule.length).toBeGreaterThan(history.events.length);
        expect(await deliverAll(target, history, schedule)).toEqual(inOrder);
        orders += 1;
      }
    }),
    { numRuns: run.histories, seed: run.seed, endOnFailure: true },
  );
  return orders;
}

import { beforeAll, describe, expect, it } from "vitest";
import { captureDeliveryLogs, loadWebhookRoute } from "../support/svix-route";
import { clearSyncedTables, readSyncedTables } from "../support/synced-tables";
import { assertConvergence } from "../support/webhook-convergence";

const { db, deliverBody } = await loadWebhookRoute();

const HISTORIES = 20;
const SCHEDULES_PER_HISTORY = 10;
// Fixed by default so CI replays the same 200 orders; set FC_SEED to explore others.
const SEED = Number(process.env.FC_SEED ?? 20261122);

beforeAll(() => {
  captureDeliveryLogs();
});

describe("convergence", () => {
  it(`reaches the same tables for ${HISTORIES * SCHEDULES_PER_HISTORY} delivery orders with duplicates as for in-order delivery`, async () => {
    const orders = await assertConvergence(
      {
        deliver: (event) => deliverBody(event.body, { svixId: event.svixId }),
        clear: () => clearSyncedTables(db),
        read: () => readSyncedTables(process.env.DATABASE_URL as string),
      },
      { histories: HISTORIES, schedulesPerHistory: SCHEDULES_PER_HISTORY, eventsPerHistory: 16, seed: SEED },
    );
    expect(orders).toBe(HISTORIES * SCHEDULES_PER_HISTORY);
  }, 600_000);
});

import { beforeAll, describe, expect, it } from "vitest";
import { captureDeliveryLogs, loadWebhookRoute } from "../support/svix-route";
import { newSvixId } from "../support/svix-signing";

const { deliver, deliverBody } = await loadWebhookRoute();
// After the route: server/env.ts must first be read with the test signing secret set.
const { listRecentDeliveries } = await import("@/server/data/platform");

beforeAll(() => {
  captureDeliveryLogs();
});

describe("listRecentDeliveries (the /admin/webhooks list)", () => {
  it("lists deliveries newest first with their status and error, and at most `limit` of them", async () => {
    const ids = [newSvixId(), newSvixId(), newSvixId()];
    await deliver("user.created", { id: "user_listed", updated_at: 1 }, { svixId: ids[0] });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await deliverBody("{oops", { svixId: ids[1] });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await deliver("email.created", { id: "ema_1" }, { svixId: ids[2] });

    const rows = await listRecentDeliveries(2);

    expect(rows.map((row) => [row.svixId, row.status, row.error])).toEqual([
      [ids[2], "ignored", null],
      [ids[1], "failed", "malformed JSON"],
    ]);
    expect((await listRecentDeliveries()).map((row) => row.svixId)).toContain(ids[0]);
  });
});

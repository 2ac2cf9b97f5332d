import { beforeEach, describe, expect, it, vi } from "vitest";
import { captureDeliveryLogs, loadWebhookRoute } from "../support/svix-route";
import { eventBody, newSigningSecret, newSvixId, signedRequest, svixHeaders } from "../support/svix-signing";

const { db, send, deliver, deliverBody } = await loadWebhookRoute();
let logs: Array<Record<string, unknown>>;

const aUser = (id = "user_route") => ({
  object: "user",
  id,
  first_name: "Grace",
  last_name: "Hopper",
  primary_email_address_id: "idn_1",
  email_addresses: [{ id: "idn_1", email_address: "grace.hopper@example.com" }],
  updated_at: 1000,
});

async function nothingWritten() {
  expect(await db.user.count()).toBe(0);
  expect(await db.webhookEvent.count()).toBe(0);
}

beforeEach(async () => {
  vi.restoreAllMocks();
  logs = captureDeliveryLogs();
  await db.user.deleteMany();
  await db.webhookEvent.deleteMany();
});

describe("signature checks", () => {
  const body = eventBody("user.created", aUser());

  it.each(["svix-id", "svix-timestamp", "svix-signature"])(
    "answers 400 and writes nothing when the %s header is missing",
    async (header) => {
      const headers = svixHeaders(body);
      delete headers[header];
      const result = await send(
        new Request("http://localhost/api/webhooks/clerk", { method: "POST", headers, body }),
      );
      expect(result.status).toBe(400);
      expect(result.body.error).toMatch(/Invalid webhook signature/);
      await nothingWritten();
    },
  );

  it("answers 400 and writes nothing when the body was changed after signing", async () => {
    const headers = svixHeaders(body);
    const tampered = body.replace("Grace", "Mallory");
    const result = await send(
      new Request("http://localhost/api/webhooks/clerk", { method: "POST", headers, body: tampered }),
    );
    expect(result.status).toBe(400);
    await nothingWritten();
  });

  it("answers 400 and writes nothing when the body was re-serialized (whitespace differs)", async () => {
    const headers = svixHeaders(body);
    const reformatted = JSON.stringify(JSON.parse(body), null, 2);
    const result = await send(
      new Request("http://localhost/api/webhooks/clerk", { method: "POST", headers, body: reformatted }),
    );
    expect(result.status).toBe(400);
    await nothingWritten();
  });

  it("answers 400 and writes nothing when signed with another secret", async () => {
    const result = await deliverBody(body, { secret: newSigningSecret() });
    expect(result.status).toBe(400);
    expect(result.body.error).toMatch(/No matching signature/);
    await nothingWritten();
  });

  it.each([
    ["older", -6 * 60_000, /too old/],
    ["newer", +6 * 60_000, /too new/],
  ])(
    "answers 400 and writes nothing when the timestamp is 6 minutes %s than now",
    async (_, offset, message) => {
      const result = await deliverBody(body, { sentAt: new Date(Date.now() + offset) });
      expect(result.status).toBe(400);
      expect(result.body.error).toMatch(message);
      await nothingWritten();
    },
  );

  it("accepts a timestamp 4 minutes old (inside Svix's tolerance)", async () => {
    const result = await deliverBody(body, { sentAt: new Date(Date.now() - 4 * 60_000) });
    expect(result.status).toBe(200);
  });
});

describe("verified but unusable deliveries", () => {
  it("answers 400 to malformed JSON and records it as failed, writing nothing else", async () => {
    const svixId = newSvixId();
    const result = await deliverBody('{"type":"user.created","data":{', { svixId });
    expect(result).toEqual({
      status: 400,
      body: { status: "failed", type: "unknown", error: "malformed JSON" },
    });
    expect(await db.webhookEvent.findUniqueOrThrow({ where: { svixId } })).toMatchObject({
      status: "failed",
      error: "malformed JSON",
    });
    expect(await db.user.count()).toBe(0);
  });

  it("answers 400 to a handled type whose data lacks what the tables need, naming the field", async () => {
    const svixId = newSvixId();
    const { id: _, ...withoutId } = aUser();
    const result = await deliver("user.created", withoutId, { svixId });
    expect(result.status).toBe(400);
    expect(result.body.error).toMatch(/data\.id/);
    expect(await db.webhookEvent.findUniqueOrThrow({ where: { svixId } })).toMatchObject({
      status: "failed",
    });
    expect(await db.user.count()).toBe(0);
  });

  it("applies a retry of a failed delivery once the payload is usable (same svix-id)", async () => {
    const svixId = newSvixId();
    await deliverBody("not json", { svixId });
    const retry = await deliver("user.created", aUser("user_after_fix"), { svixId });
    expect(retry.status).toBe(200);
    expect(await db.webhookEvent.findUniqueOrThrow({ where: { svixId } })).toMatchObject({
      status: "processed",
      error: null,
    });
  });
});

describe("event types the sync does not handle", () => {
  it("answers 200 and records them as ignored, so Svix stops retrying", async () => {
    const svixId = newSvixId();
    const result = await deliver("session.created", { id: "sess_1", object: "session" }, { svixId });
    expect(result).toEqual({ status: 200, body: { status: "ignored", type: "session.created" } });
    expect(await db.webhookEvent.findUniqueOrThrow({ where: { svixId } })).toMatchObject({
      status: "ignored",
    });
  });
});

describe("oversize bodies", () => {
  it("answers 413 from the declared Content-Length without reading the body", async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const request = new Request("http://localhost/api/webhooks/clerk", {
      method: "POST",
      headers: { ...svixHeaders("{}"), "content-length": String(2 * 1024 * 1024) },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const result = await send(request);
    expect(result.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(1);
    await nothingWritten();
  });

  it("answers 413 to a chunked body as soon as it passes 1 MB, without reading the rest", async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(64 * 1024).fill(32));
        if (pulled === 1000) controller.close();
      },
    });
    const request = new Request("http://localhost/api/webhooks/clerk", {
      method: "POST",
      headers: svixHeaders("{}"),
      body: stream,
      duplex: "half",
    } as RequestInit);
    const result = await send(request);
    expect(result.status).toBe(413);
    expect(pulled).toBeLessThan(20);
    await nothingWritten();
  });
});

describe("logs", () => {
  it("writes one line per delivery with id, type, outcome and timing, and no personal data", async () => {
    const svixId = newSvixId();
    await deliver("user.created", aUser(), { svixId });
    await deliverBody("garbage", { secret: newSigningSecret() });

    expect(logs).toHaveLength(2);
    expect(logs[0]).toMatchObject({
      event: "clerk_webhook",
      svixId,
      type: "user.created",
      outcome: "processed",
      status: 200,
    });
    expect(logs[0]?.ms).toEqual(expect.any(Number));
    expect(logs[1]).toMatchObject({ outcome: "rejected", status: 400 });
    const text = JSON.stringify(logs);
    for (const personal of ["grace.hopper@example.com", "Grace", "Hopper"])
      expect(text).not.toContain(personal);
  });
});

describe("configuration", () => {
  it("answers 503 (so Svix retries) when no signing secret is configured", async () => {
    vi.resetModules();
    const saved = process.env.CLERK_WEBHOOK_SIGNING_SECRET;
    delete process.env.CLERK_WEBHOOK_SIGNING_SECRET;
    try {
      const { POST } = await import("@/app/api/webhooks/clerk/route");
      const response = await POST(signedRequest(eventBody("user.created", aUser())));
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        error: expect.stringContaining("CLERK_WEBHOOK_SIGNING_SECRET"),
      });
    } finally {
      process.env.CLERK_WEBHOOK_SIGNING_SECRET = saved;
      vi.resetModules();
    }
    await nothingWritten();
  });
});

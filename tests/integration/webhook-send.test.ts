import { execFile } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureDeliveryLogs, loadWebhookRoute } from "../support/svix-route";
import { TEST_SIGNING_SECRET } from "../support/svix-signing";

const { POST, db } = await loadWebhookRoute();
let url: string;
let close: () => void;

beforeAll(async () => {
  captureDeliveryLogs();
  // The real route behind a plain HTTP server, standing in for `npm run dev`.
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const headers = new Headers(request.headers as Record<string, string>);
    const answer = await POST(
      new Request(`http://localhost${request.url}`, { method: "POST", headers, body: Buffer.concat(chunks) }),
    );
    response.writeHead(answer.status, { "content-type": "application/json" });
    response.end(await answer.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/clerk`;
  close = () => server.close();
});
afterAll(() => close());

const run = (...args: string[]) =>
  promisify(execFile)("npx", ["tsx", "scripts/webhook-send.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, CLERK_WEBHOOK_SIGNING_SECRET: TEST_SIGNING_SECRET, WEBHOOK_URL: url },
    timeout: 60_000,
  });

describe("npm run webhook:send", () => {
  it("signs the example user.created, posts it, and prints the status and what changed", async () => {
    const { stdout } = await run("user.created");
    expect(stdout).toContain("← 200 processed");
    expect(stdout).toContain("user user_2xtKOmOKFZcYQ8kBGzxhPlrgBJv: created");
    expect(
      await db.user.findUnique({ where: { clerkId: "user_2xtKOmOKFZcYQ8kBGzxhPlrgBJv" } }),
    ).toMatchObject({
      email: "admin.test@example.com",
    });
  });

  it("sends a payload file given after the type, and says when nothing changed", async () => {
    const fixture = "tests/fixtures/clerk-webhooks/real-captured/user.created.fleetfusion.json";
    const { stdout } = await run("user.created", fixture);
    expect(stdout).toContain("← 200 stale");
  });

  it("refuses a payload file of another event type", async () => {
    const fixture = "tests/fixtures/clerk-webhooks/openapi-2025-04-15/user.deleted.json";
    await expect(run("user.created", fixture)).rejects.toMatchObject({
      stderr: expect.stringContaining('is a "user.deleted" event, not "user.created"'),
    });
  });
});

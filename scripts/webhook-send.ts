/**
 * `npm run webhook:send -- <event-type> [payload.json] [--url <endpoint>]`
 *
 * Signs an example Clerk webhook (or your own payload file) with CLERK_WEBHOOK_SIGNING_SECRET from
 * .env and posts it to the running app (`npm run dev`), then prints the status and what changed.
 * Examples live in tests/fixtures/clerk-webhooks/.
 */
import "dotenv/config";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { runScript } from "./lib/script-exit";
import { defaultFixture, describeResult, sendClerkWebhook } from "./lib/webhook-sender";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { url: { type: "string" } },
  });
  const [type, fixturePath] = positionals;
  if (!type) {
    throw new Error(
      "Name an event type, e.g. npm run webhook:send -- user.created (optionally followed by a payload file)",
    );
  }
  const secret = process.env.CLERK_WEBHOOK_SIGNING_SECRET;
  if (!secret) {
    throw new Error(
      `CLERK_WEBHOOK_SIGNING_SECRET is not set. For local testing any secret works: add this line to .env and restart \`npm run dev\`:\nCLERK_WEBHOOK_SIGNING_SECRET=whsec_${randomBytes(24).toString("base64")}`,
    );
  }
  const url =
    values.url ??
    process.env.WEBHOOK_URL ??
    new URL("/api/webhooks/clerk", process.env.APP_URL ?? "http://localhost:3000").toString();
  const fixture = fixturePath ?? defaultFixture(type);

  console.log(`→ POST ${url}  ${type} from ${fixture}`);
  const result = await sendClerkWebhook({ type, fixture, url, secret });
  for (const line of describeResult(result)) console.log(line);
  return result.status >= 300 ? 1 : 0;
}

runScript(main);

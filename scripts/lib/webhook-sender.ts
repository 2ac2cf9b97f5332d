/**
 * Signs a Clerk webhook payload with the local signing secret, exactly as Svix would, and posts it
 * to the app: the way to try the sync without a Clerk instance or a tunnel.
 */
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Webhook } from "svix";

const FIXTURES = "tests/fixtures/clerk-webhooks";

/** Real captured deliveries where there is one, Clerk's OpenAPI examples for the rest. */
const DEFAULT_FIXTURES: Record<string, string> = {
  "user.created": "real-captured/user.created.fleetfusion.raw.json",
  "organization.created": "real-captured/organization.created.fleetfusion.raw.json",
  "organizationMembership.created": "real-captured/organizationMembership.created.fleetfusion.raw.json",
};

// Clerk Billing: Clerk's examples with an organization as the payer (Clerk's own examples are a user's
// subscription, which the sync does not store).
const billingFixture = (type: string) => `billing/${type}.json`;

export function defaultFixture(type: string): string {
  const file =
    DEFAULT_FIXTURES[type] ??
    (existsSync(path.join(FIXTURES, billingFixture(type)))
      ? billingFixture(type)
      : `openapi-2025-04-15/${type}.json`);
  const fixture = path.join(FIXTURES, file);
  if (!existsSync(fixture)) {
    throw new Error(
      `No example payload for "${type}". Pass one: npm run webhook:send -- ${type} path/to/payload.json`,
    );
  }
  return fixture;
}

export interface SendOptions {
  type: string;
  fixture: string;
  url: string;
  secret: string;
}

export interface SendResult {
  svixId: string;
  status: number;
  body: unknown;
}

export async function sendClerkWebhook({ type, fixture, url, secret }: SendOptions): Promise<SendResult> {
  // The file's exact bytes are signed and sent: re-serializing would be a different payload.
  const body = readFileSync(fixture, "utf8");
  const declared = (JSON.parse(body) as { type?: unknown }).type;
  if (declared !== type) throw new Error(`${fixture} is a "${String(declared)}" event, not "${type}"`);
  const svixId = `msg_local_${randomUUID().replaceAll("-", "")}`;
  const sentAt = new Date();
  const headers = {
    "content-type": "application/json",
    "svix-id": svixId,
    "svix-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
    "svix-signature": new Webhook(secret).sign(svixId, sentAt, body),
  };
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", headers, body });
  } catch (error) {
    throw new Error(
      `Could not reach ${url} (${error instanceof Error ? (error.cause ?? error.message) : error}). Is \`npm run dev\` running?`,
    );
  }
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {}
  return { svixId, status: response.status, body: parsed };
}

/** The response as lines a person reads: the outcome, then one line per row that changed. */
export function describeResult(result: SendResult): string[] {
  const body = result.body as { status?: string; error?: string; changes?: Array<Record<string, unknown>> };
  const lines = [`← ${result.status} ${body.status ?? ""}${body.error ? `: ${body.error}` : ""}`.trimEnd()];
  for (const change of body.changes ?? []) {
    lines.push(`  ${change.object} ${change.clerkId}: ${change.change}`);
  }
  if (body.status === "stale") lines.push("  (the rows already hold this version or a newer one)");
  return lines;
}

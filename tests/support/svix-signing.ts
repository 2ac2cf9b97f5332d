/**
 * Signs webhook deliveries the way Svix does, with svix's own `Webhook.sign`, so the app verifies
 * them with the real library. The tests only sign; they never check a signature themselves.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { Webhook } from "svix";

/** A signing secret in Clerk's format (`whsec_` + base64), fixed so a failing test can be replayed. */
export const TEST_SIGNING_SECRET = `whsec_${Buffer.from("orgs-starter-test-signing-secret!").toString("base64")}`;

export function newSigningSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

export function newSvixId(): string {
  return `msg_${randomUUID().replaceAll("-", "")}`;
}

export interface SignOptions {
  secret?: string;
  svixId?: string;
  /** When Svix sent it; signatures older or newer than 5 minutes are refused. Default: now. */
  sentAt?: Date;
}

export function svixHeaders(body: string, options: SignOptions = {}): Record<string, string> {
  const svixId = options.svixId ?? newSvixId();
  const sentAt = options.sentAt ?? new Date();
  const signature = new Webhook(options.secret ?? TEST_SIGNING_SECRET).sign(svixId, sentAt, body);
  return {
    "content-type": "application/json",
    "svix-id": svixId,
    "svix-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
    "svix-signature": signature,
  };
}

/** A POST to the webhook route, signed over exactly `body`. */
export function signedRequest(body: string, options: SignOptions = {}): Request {
  return new Request("http://localhost:3000/api/webhooks/clerk", {
    method: "POST",
    headers: svixHeaders(body, options),
    body,
  });
}

/** A Clerk event envelope around `data`, serialized once: these exact bytes are what gets signed. */
export function eventBody(type: string, data: unknown, timestamp = Date.now()): string {
  return JSON.stringify({ data, object: "event", type, timestamp, instance_id: "ins_test" });
}

const FIXTURES = new URL("../fixtures/clerk-webhooks/", import.meta.url);

/** A fixture's exact bytes (the `*.raw.json` captures are what Clerk sent, byte for byte). */
export function fixtureBody(path: string): string {
  return readFileSync(new URL(path, FIXTURES), "utf8");
}

export function fixtureEvent(path: string): { type: string; data: Record<string, unknown> } {
  return JSON.parse(fixtureBody(path));
}

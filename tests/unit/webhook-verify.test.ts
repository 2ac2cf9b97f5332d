import { describe, expect, it } from "vitest";
import { verifyClerkDelivery } from "@/server/webhooks/clerk/verify";
import { newSigningSecret, svixHeaders, TEST_SIGNING_SECRET } from "../support/svix-signing";

const verify = (body: string, headers: Record<string, string>, secret = TEST_SIGNING_SECRET) =>
  verifyClerkDelivery(secret, body, new Headers(headers));

describe("verifyClerkDelivery (svix does the verifying)", () => {
  it("accepts a delivery signed with the secret and returns its svix-id", () => {
    const headers = svixHeaders('{"type":"user.created","data":{}}', { svixId: "msg_ok" });
    expect(verify('{"type":"user.created","data":{}}', headers)).toEqual({ ok: true, svixId: "msg_ok" });
  });

  it("accepts a signed body that is not JSON, leaving that verdict to the dispatcher", () => {
    expect(verify("not json", svixHeaders("not json")).ok).toBe(true);
  });

  it("refuses a delivery signed with another secret", () => {
    const result = verify("{}", svixHeaders("{}", { secret: newSigningSecret() }));
    expect(result).toEqual({ ok: false, reason: "No matching signature found" });
  });

  it("refuses a delivery whose signature header lists only other versions", () => {
    const headers = { ...svixHeaders("{}"), "svix-signature": "v2,abc" };
    expect(verify("{}", headers).ok).toBe(false);
  });

  it("refuses a timestamp that is not a number", () => {
    const headers = { ...svixHeaders("{}"), "svix-timestamp": "yesterday" };
    expect(verify("{}", headers).ok).toBe(false);
  });
});

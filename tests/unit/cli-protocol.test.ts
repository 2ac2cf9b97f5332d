import { describe, expect, it } from "vitest";
import {
  CLI_AUTHORIZE_PATH,
  cliAuthorizeRequestSchema,
  cliAuthorizeUrl,
  cliTokenRequestSchema,
  codeChallengeOf,
  loopbackCallbackUrl,
  randomToken,
} from "@/lib/cli-protocol";

const verifier = randomToken();
const request = {
  state: randomToken(),
  code_challenge: codeChallengeOf(verifier),
  code_challenge_method: "S256" as const,
  port: 49152,
  device: "ada-laptop.local",
};

/** The page's query string as the browser delivers it: every value a string. */
const asQuery = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).map(([name, value]) => [name, String(value)]));

describe("the CLI's authorize request", () => {
  it("survives the trip through the authorize URL unchanged", () => {
    const url = new URL(cliAuthorizeUrl("https://app.example.com/ignored", request));
    expect(url.origin + url.pathname).toBe(`https://app.example.com${CLI_AUTHORIZE_PATH}`);
    expect(cliAuthorizeRequestSchema.parse(Object.fromEntries(url.searchParams))).toEqual(request);
  });

  it("makes a fresh 256-bit state and verifier each time, with a 43-character S256 challenge", () => {
    expect(randomToken()).not.toBe(randomToken());
    expect(randomToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(codeChallengeOf(verifier)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(codeChallengeOf(verifier)).not.toBe(codeChallengeOf(`${verifier}x`));
  });

  it.each([
    ["a privileged port", { port: "80" }],
    ["a port beyond 65535", { port: "70000" }],
    ["a port that is not a number", { port: "8080/evil" }],
    ["the plain PKCE method", { code_challenge_method: "plain" }],
    ["a challenge that is not a SHA-256", { code_challenge: "short" }],
    ["a short state", { state: "abc" }],
    ["a device name with markup", { device: "<script>" }],
  ])("refuses %s", (_what, change) => {
    expect(cliAuthorizeRequestSchema.safeParse({ ...asQuery(request), ...change }).success).toBe(false);
  });

  it("refuses a request without state or challenge", () => {
    const { state: _state, ...withoutState } = asQuery(request);
    const { code_challenge: _challenge, ...withoutChallenge } = asQuery(request);
    expect(cliAuthorizeRequestSchema.safeParse(withoutState).success).toBe(false);
    expect(cliAuthorizeRequestSchema.safeParse(withoutChallenge).success).toBe(false);
  });
});

describe("the way back to the CLI", () => {
  it("is always 127.0.0.1 on the requested port, whatever else the request carried", () => {
    const parsed = cliAuthorizeRequestSchema.parse({
      ...asQuery(request),
      redirect_uri: "https://evil.example/steal",
      host: "evil.example",
    });
    const url = new URL(loopbackCallbackUrl(parsed.port, { code: "c0de", state: parsed.state }));
    expect(url.origin).toBe("http://127.0.0.1:49152");
    expect(url.pathname).toBe("/callback");
    expect(Object.fromEntries(url.searchParams)).toEqual({ code: "c0de", state: request.state });
  });
});

describe("the token request", () => {
  it("accepts a code with an RFC 7636 verifier and the state", () => {
    expect(
      cliTokenRequestSchema.parse({ code: "c0de", code_verifier: verifier, state: request.state }),
    ).toEqual({
      code: "c0de",
      code_verifier: verifier,
      state: request.state,
    });
  });

  it.each([
    ["a verifier under 43 characters", { code_verifier: "too-short" }],
    ["a verifier with characters outside [A-Za-z0-9._~-]", { code_verifier: `${verifier}+/=` }],
    ["no code", { code: "" }],
    ["an unknown field", { redirect_uri: "http://127.0.0.1:1/callback" }],
  ])("refuses %s", (_what, change) => {
    const body = { code: "c0de", code_verifier: verifier, state: request.state, ...change };
    expect(cliTokenRequestSchema.safeParse(body).success).toBe(false);
  });
});

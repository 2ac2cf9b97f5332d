/**
 * The browser sign-in of the `orgs` CLI, as both sides speak it: the CLI (cli/) builds the authorize
 * URL and redeems the code; the app (app/cli/authorize, app/api/cli, server/cli) checks the same
 * schemas. It is OAuth's native-app pattern (RFC 8252: a loopback redirect carrying a one-time code)
 * with PKCE (RFC 7636, S256): the browser only ever carries the code, and only the process that holds
 * the verifier can turn it into a credential, by POST.
 */
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";

export const CLI_AUTHORIZE_PATH = "/cli/authorize";
/** POST `{ code, code_verifier, state }` → the credential (public: the code and verifier authenticate). */
export const CLI_TOKEN_PATH = "/api/cli/token";
/** GET: who the credential acts as; DELETE: revoke it (both with `Authorization: Bearer <key>`). */
export const CLI_SESSION_PATH = "/api/cli/session";

/** The loopback host the browser is sent back to: an IP literal, never a name a resolver could redirect. */
export const LOOPBACK_HOST = "127.0.0.1";
export const CALLBACK_PATH = "/callback";

// base64url without padding, the alphabet RFC 7636 allows for verifiers (minus `.` and `~`, which our
// own verifiers never contain).
const base64url = /^[A-Za-z0-9_-]+$/;

/** 32 random bytes, base64url: for `state` and the PKCE verifier alike (43 characters, 256 bits). */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

/** PKCE's S256 challenge of a verifier: base64url(SHA-256(verifier)), 43 characters. */
export function codeChallengeOf(verifier: string): string {
  return createHash("sha256").update(verifier).digest("base64url");
}

const stateSchema = z
  .string({ error: "state is missing" })
  .regex(base64url, "state must be base64url")
  .min(16, "state is too short")
  .max(128, "state is too long");

/** The authorize page's query string: what the CLI asks for, checked before anything is shown. */
export const cliAuthorizeRequestSchema = z.object({
  state: stateSchema,
  code_challenge: z
    .string({ error: "code_challenge is missing" })
    .length(43, "code_challenge must be a base64url SHA-256 (43 characters)")
    .regex(base64url, "code_challenge must be base64url"),
  code_challenge_method: z.literal("S256", { error: "code_challenge_method must be S256" }),
  // Only the port comes from the request; the host and path of the way back are fixed (loopback).
  port: z.coerce
    .number({ error: "port is missing" })
    .int("port must be a whole number")
    .min(1024, "port must be 1024–65535")
    .max(65535, "port must be 1024–65535"),
  /** The CLI's machine (its host name), shown to the person approving and kept in the key's name. */
  device: z
    .string()
    .trim()
    .max(64, "device must be at most 64 characters")
    .regex(/^[\w .@()-]*$/, "device may only contain letters, digits, spaces and . @ ( ) - _")
    .optional(),
});
export type CliAuthorizeRequest = z.infer<typeof cliAuthorizeRequestSchema>;

/** `/cli/authorize?…` for `request`: the page's own address, to come back to after switching organization. */
export function cliAuthorizePath(request: CliAuthorizeRequest): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(request)) {
    if (value !== undefined) query.set(name, String(value));
  }
  return `${CLI_AUTHORIZE_PATH}?${query}`;
}

export function cliAuthorizeUrl(appUrl: string, request: CliAuthorizeRequest): string {
  return new URL(cliAuthorizePath(request), appUrl).toString();
}

/**
 * Where the browser goes after the person answers: the CLI's loopback listener. Built from the port
 * alone, so no request can send the browser (and its code) anywhere but this machine.
 */
export function loopbackCallbackUrl(
  port: number,
  answer: { state: string } & ({ code: string } | { error: "access_denied" }),
): string {
  const url = new URL(`http://${LOOPBACK_HOST}:${port}${CALLBACK_PATH}`);
  for (const [name, value] of Object.entries(answer)) url.searchParams.set(name, value);
  return url.toString();
}

export const cliTokenRequestSchema = z.strictObject({
  code: z.string({ error: "code is missing" }).min(1, "code is missing").max(128, "code is too long"),
  code_verifier: z
    .string({ error: "code_verifier is missing" })
    .regex(/^[A-Za-z0-9._~-]{43,128}$/, "code_verifier must be 43–128 characters of [A-Za-z0-9._~-]"),
  state: stateSchema,
});
export type CliTokenRequest = z.infer<typeof cliTokenRequestSchema>;

/** Who a CLI credential acts as: the answer of the token exchange (with the secret) and of GET session. */
export interface CliIdentity {
  /** The Clerk API key's id (`ak_…`), not its secret. */
  keyId: string;
  userId: string;
  organization: { id: string; slug: string | null };
  /** The permissions of the person's role when they approved (server/auth/permissions.ts). */
  scopes: string[];
  /** ISO time; after it the key no longer works and `orgs login` is needed again. */
  expiresAt: string | null;
}

export interface CliTokenResponse extends CliIdentity {
  /** The API key's secret: send it as `Authorization: Bearer <token>`. Shown once, never stored by the app. */
  token: string;
}

import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import {
  type CliAuthorizeRequest,
  type CliTokenRequest,
  codeChallengeOf,
  randomToken,
} from "@/lib/cli-protocol";
import { Failure } from "@/lib/failure";
import type { OrgContext } from "../auth/session";
import { db } from "../db";

/**
 * The one-time codes of the CLI's browser sign-in, kept in Postgres (`cli_authorizations`): any app
 * instance may redeem a code another issued, and nothing lives in process memory. Only the code's
 * SHA-256 is stored, so a leaked table cannot be redeemed.
 */

/** Long enough for the CLI to notice the browser's redirect and POST; short enough to be useless later. */
export const CODE_LIFETIME_MS = 2 * 60 * 1000;

/** What the person approved: the CLI gets a key for this, and nothing more. */
export interface CliGrant {
  userId: string;
  organizationId: string;
  organizationSlug: string | null;
  scopes: string[];
  device: string | null;
}

const hashOf = (code: string) => createHash("sha256").update(code).digest("hex");

/**
 * Records the approval of `request` by `context` (the session's person and active organization, with
 * the permissions of their role now) and returns the one-time code for the browser to carry back.
 */
export async function issueCliCode(context: OrgContext, request: CliAuthorizeRequest): Promise<string> {
  // A person approves; a key cannot mint itself another key.
  if (context.caller.kind !== "user") {
    throw new Failure("forbidden", "Only a signed-in person can approve the CLI's sign-in");
  }
  // A key without scopes would read projects (server/auth/permissions.ts): more than such a role may.
  if (context.permissions.length === 0) {
    throw new Failure("forbidden", "Your role grants no permissions the CLI could use");
  }
  const code = randomToken();
  const now = Date.now();
  await db.$transaction([
    // Expired rows are swept here, where they accumulate, instead of by a scheduled job.
    db.cliAuthorization.deleteMany({ where: { expiresAt: { lt: new Date(now) } } }),
    db.cliAuthorization.create({
      data: {
        codeHash: hashOf(code),
        state: request.state,
        codeChallenge: request.code_challenge,
        userId: context.caller.userId,
        organizationId: context.orgId,
        organizationSlug: context.orgSlug,
        scopes: [...context.permissions],
        device: request.device || null,
        expiresAt: new Date(now + CODE_LIFETIME_MS),
      },
    }),
  ]);
  return code;
}

const refused = () =>
  new Failure(
    "unauthenticated",
    "The sign-in code is invalid, expired or already used, or does not match this sign-in: run `orgs login` again.",
  );

/**
 * Redeems a code once: the first presentation ends it, whether or not the verifier matches (a code
 * seen twice may have been intercepted, RFC 6749 §4.1.2). Refused (401) unless the code exists, is
 * unexpired and unused, and the `state` and PKCE verifier are the ones it was issued for. Every refusal
 * reads the same, so a caller learns nothing about which check failed.
 */
export async function redeemCliCode(request: CliTokenRequest): Promise<CliGrant> {
  const codeHash = hashOf(request.code);
  const now = new Date();
  // The conditional update is the lock: of two concurrent redemptions exactly one changes the row.
  const { count } = await db.cliAuthorization.updateMany({
    where: { codeHash, redeemedAt: null },
    data: { redeemedAt: now },
  });
  if (count !== 1) throw refused();
  const row = await db.cliAuthorization.findUnique({ where: { codeHash } });
  if (
    !row ||
    row.expiresAt <= now ||
    !sameText(row.state, request.state) ||
    !sameText(row.codeChallenge, codeChallengeOf(request.code_verifier))
  ) {
    throw refused();
  }
  return {
    userId: row.userId,
    organizationId: row.organizationId,
    organizationSlug: row.organizationSlug,
    scopes: row.scopes,
    device: row.device,
  };
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

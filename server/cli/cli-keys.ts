import "server-only";
import type { APIKey } from "@clerk/backend";
import { isClerkAPIResponseError } from "@clerk/backend/errors";
import type { CliIdentity, CliTokenResponse } from "@/lib/cli-protocol";
import { Failure, UnavailableError } from "@/lib/failure";
import { clerkBackend } from "../auth/clerk-backend";
import type { CliGrant } from "./authorization-codes";

/**
 * The CLI's credential is a Clerk API key whose subject is the organization (so it acts for that
 * organization only, like the organization's own API keys), created by the person who approved, with
 * the permissions of their role as its scopes. Clerk keeps it; the app never stores the secret.
 * Why a key and not a long-lived JWT: a key can be revoked (`orgs logout`, or from Clerk's dashboard)
 * and verified as revoked at once; a JWT stays valid until it expires. See docs/cli.md.
 */

/**
 * 30 days: a laptop's credential is not re-approved every week, while a copy that leaked (a backup,
 * a dotfile pushed by mistake) stops working within a month, and so do the scopes of a role the person
 * no longer has. `orgs login` again renews it.
 */
export const CLI_KEY_LIFETIME_SECONDS = 30 * 24 * 60 * 60;

/** Marks the keys `orgs login` made, so the CLI's endpoints refuse every other key. */
const CLI_CLAIM = "orgs_cli";

export async function createCliKey(grant: CliGrant): Promise<CliTokenResponse> {
  const device = grant.device ? ` on ${grant.device}` : "";
  const key = await callClerk(async (clerk) =>
    clerk.apiKeys.create({
      name: `orgs CLI${device}`,
      description: `Approved in the browser by ${grant.userId} for ${grant.organizationSlug ?? grant.organizationId}`,
      subject: grant.organizationId,
      createdBy: grant.userId,
      claims: { [CLI_CLAIM]: true, user_id: grant.userId, org_slug: grant.organizationSlug },
      scopes: grant.scopes,
      secondsUntilExpiration: CLI_KEY_LIFETIME_SECONDS,
    }),
  );
  if (!key.secret) throw new Error(`Clerk created API key ${key.id} without returning its secret`);
  return { token: key.secret, ...identityOf(key) };
}

/**
 * The CLI key a request carries as `Authorization: Bearer <key>`, verified by Clerk (revoked and
 * expired keys fail there): 401 without a valid key, 403 for a valid key `orgs login` did not make.
 */
export async function requireCliKey(request: Request): Promise<CliIdentity> {
  const authorization = request.headers.get("authorization");
  const secret = authorization?.startsWith("Bearer ") ? authorization.slice("Bearer ".length).trim() : "";
  if (!secret)
    throw new Failure("unauthenticated", "Send the CLI's credential as `Authorization: Bearer <key>`.");
  // Clerk answers 4xx for an unknown, revoked or expired key: the caller's 401, not Clerk's outage.
  const key = await callClerk(
    (clerk) => clerk.apiKeys.verify(secret),
    () => new Failure("unauthenticated", "The credential is invalid, revoked or expired: run `orgs login`."),
  );
  if (key.claims?.[CLI_CLAIM] !== true) {
    throw new Failure("forbidden", "This endpoint serves only credentials made by `orgs login`.");
  }
  return identityOf(key);
}

export async function revokeCliKey(identity: CliIdentity): Promise<void> {
  await callClerk((clerk) =>
    clerk.apiKeys.revoke({ apiKeyId: identity.keyId, revocationReason: "orgs logout" }),
  );
}

function identityOf(key: APIKey): CliIdentity {
  const userId = typeof key.claims?.user_id === "string" ? key.claims.user_id : (key.createdBy ?? "");
  const slug = typeof key.claims?.org_slug === "string" ? key.claims.org_slug : null;
  return {
    keyId: key.id,
    userId,
    organization: { id: key.subject, slug },
    scopes: key.scopes,
    expiresAt: key.expiration === null ? null : new Date(key.expiration).toISOString(),
  };
}

type Clerk = ReturnType<typeof clerkBackend>;

/**
 * Clerk's answers in the app's vocabulary: `refused` for a 4xx where the caller's input explains it;
 * any other 4xx (e.g. API keys not enabled for organizations in the Clerk Dashboard), a 5xx or no
 * answer at all is Clerk's side: 503, logged.
 */
async function callClerk<T>(call: (clerk: Clerk) => Promise<T>, refused?: () => Failure): Promise<T> {
  const clerk = clerkBackend();
  try {
    return await call(clerk);
  } catch (error) {
    if (refused && isClerkAPIResponseError(error) && error.status < 500) throw refused();
    const reason = isClerkAPIResponseError(error)
      ? `${error.status} ${error.errors[0]?.message ?? ""}`
      : error instanceof Error
        ? error.message
        : String(error);
    console.error(`Clerk's Backend API failed on a CLI key: ${reason}`);
    throw new UnavailableError("Clerk");
  }
}

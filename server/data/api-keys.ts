import "server-only";
import type { APIKey } from "@clerk/backend";
import { isClerkAPIResponseError } from "@clerk/backend/errors";
import { z } from "zod";
import { Failure, UnavailableError } from "@/lib/failure";
import { clerkBackend } from "../auth/clerk-backend";
import { requireOrgContext } from "../auth/context";
import { PERMISSIONS, type Permission } from "../auth/permissions";
import type { OrgContext } from "../auth/session";
import { requireFeatureToGrow } from "./billing";
import { NotFoundError } from "./errors";
import { inTenant } from "./tenant";

/**
 * The organization's API keys. Clerk stores them (and their secrets); the app asks Clerk to make,
 * list and revoke them for the caller's organization only, through the one Backend API client.
 * Scopes are permission names (`server/auth/permissions.ts`), and a key never gets a permission its
 * maker does not hold.
 */
export interface OrganizationApiKey {
  id: string;
  name: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "Name the key (what uses it)").max(100, "At most 100 characters"),
  scopes: z.array(z.enum(PERMISSIONS)).min(1, "Choose at least one permission"),
  secondsUntilExpiration: z.int().positive().nullable().default(null),
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

/** The organization's live keys, newest first. Admins (`organization:manage`). */
export async function listApiKeys(): Promise<OrganizationApiKey[]> {
  const context = await requireOrgContext("organization:manage");
  const { data } = await askClerk(() => clerkBackend().apiKeys.list({ subject: context.orgId, limit: 100 }));
  return data.map(view);
}

/**
 * Makes a key for the caller's organization; its secret is in the answer, and never again. Admins, on a
 * plan with `api_keys` and no payment past due (402 otherwise). The CLI's sign-in is not gated: its key
 * is a person's own credential, with that person's permissions (docs/cli.md).
 */
export async function createApiKey(
  input: CreateApiKeyInput,
): Promise<{ key: OrganizationApiKey; secret: string }> {
  const context = await requireOrgContext("organization:manage");
  await inTenant("organization:manage", (tx, tenant) => requireFeatureToGrow(tx, tenant, "api_keys"));
  return issueApiKey(context, input);
}

/**
 * Makes a key for `context`'s organization with at most `context`'s permissions — for callers that
 * checked their own permission (the admin page above; a CLI sign-in acting for a person).
 */
export async function issueApiKey(
  context: OrgContext,
  input: CreateApiKeyInput,
): Promise<{ key: OrganizationApiKey; secret: string }> {
  const { name, scopes, secondsUntilExpiration } = createApiKeySchema.parse(input);
  const beyond = scopes.filter((scope: Permission) => !context.permissions.includes(scope));
  if (beyond.length > 0) {
    throw new Failure("forbidden", `You cannot grant what you do not hold: ${beyond.join(", ")}`);
  }
  const created = await askClerk(() =>
    clerkBackend().apiKeys.create({
      name,
      subject: context.orgId,
      scopes,
      createdBy: context.caller.kind === "user" ? context.caller.userId : null,
      secondsUntilExpiration,
    }),
  );
  if (!created.secret) throw new UnavailableError("Clerk's API keys");
  return { key: view(created), secret: created.secret };
}

/** Revokes one of the organization's keys at once (servers that verified it within 10 s may still accept it that long). Admins. */
export async function revokeApiKey(apiKeyId: string): Promise<void> {
  const context = await requireOrgContext("organization:manage");
  const key = await askClerk(() => clerkBackend().apiKeys.get(apiKeyId));
  // Another organization's key is "not found" here, as everywhere: its existence is not revealed.
  if (key.subject !== context.orgId) throw new NotFoundError("API key");
  await askClerk(() =>
    clerkBackend().apiKeys.revoke({ apiKeyId, revocationReason: `revoked by ${context.actor}` }),
  );
}

function view(key: APIKey): OrganizationApiKey {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    id: key.id,
    name: key.name,
    scopes: key.scopes,
    createdAt: new Date(key.createdAt).toISOString(),
    lastUsedAt: iso(key.lastUsedAt),
    expiresAt: iso(key.expiration),
  };
}

/**
 * Clerk's answers in the app's vocabulary: a missing key is 404; any other refusal or an outage is
 * Clerk's side (503, logged), e.g. API keys not enabled for organizations in the Clerk Dashboard.
 */
async function askClerk<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!isClerkAPIResponseError(error)) throw error;
    if (error.status === 404) throw new NotFoundError("API key");
    console.error(
      `Clerk's Backend API refused an API-key call: ${error.status} ${error.errors[0]?.message ?? ""}`,
    );
    throw new UnavailableError("Clerk's API keys");
  }
}

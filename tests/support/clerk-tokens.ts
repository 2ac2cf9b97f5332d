/**
 * Signs Clerk-shaped session tokens with a key pair made for the test run. The app is configured
 * with the public half as CLERK_JWT_KEY, so Clerk's own SDK verifies every token exactly as it
 * verifies a real one: this file only signs, it never verifies anything.
 */
import { createSign, generateKeyPairSync, randomBytes } from "node:crypto";

/** `.test` is reserved (RFC 2606): nothing ever resolves it, so no request can reach a real Clerk. */
export const TEST_FRONTEND_API = "clerk.starter.test";

export interface ClerkTestKeys {
  /** PEM (SPKI): what the app gets as CLERK_JWT_KEY. */
  jwtPublicKey: string;
  /** PEM (PKCS#8): what the tests sign with. Never given to the app. */
  jwtPrivateKey: string;
  /** A valid-format development key: `pk_test_` + base64 of `<frontend API host>$`. */
  publishableKey: string;
  /** Random per run, so a test can look for it in places where it must not appear. */
  secretKey: string;
  /** Random per run, for the same reason. */
  webhookSigningSecret: string;
}

export function testPublishableKey(frontendApi = TEST_FRONTEND_API): string {
  return `pk_test_${Buffer.from(`${frontendApi}$`).toString("base64")}`;
}

export function createClerkTestKeys(): ClerkTestKeys {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  return {
    jwtPublicKey: publicKey,
    jwtPrivateKey: privateKey,
    publishableKey: testPublishableKey(),
    secretKey: `sk_test_${randomBytes(24).toString("hex")}`,
    webhookSigningSecret: `whsec_${randomBytes(24).toString("base64")}`,
  };
}

/** Who the token speaks for. Roles are Clerk role keys: `org:admin`, `org:member`, custom `org:*`. */
export interface SessionIdentity {
  userId: string;
  orgId?: string;
  orgSlug?: string;
  orgRole?: string;
  /**
   * Clerk Billing: the organization's plan slug and feature slugs, as Clerk puts them in a v2 token
   * (`pla: "o:pro"`, `fea: "o:activity_log,o:api_keys"`; `o:` marks the organization's, `u:` the user's).
   */
  orgPlan?: string;
  orgFeatures?: readonly string[];
}

export interface MintOptions extends SessionIdentity {
  /** 2 (Clerk's current session token: `v: 2`, org in `o`) or 1 (`org_id`, `org_role`, `org_slug`). */
  claimsVersion?: 1 | 2;
  /** Seconds until expiry from now; negative for a token that has already expired. Default 300. */
  expiresIn?: number;
  /** The `azp` claim: the origin the browser was on. Must be one of the app's authorized parties. */
  authorizedParty: string;
  /** Custom claims from a session-token template, e.g. `{ role: "admin" }` for platform admins. */
  metadata?: Record<string, unknown>;
  sessionId?: string;
  /** The v2 `sts` claim. `pending`: signed in, with session tasks left (e.g. choose an organization). */
  sessionStatus?: "active" | "pending";
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

function organizationClaims(identity: SessionIdentity, version: 1 | 2): Record<string, unknown> {
  if (!identity.orgId) return {};
  const role = identity.orgRole ?? "org:member";
  if (version === 1) {
    return { org_id: identity.orgId, org_slug: identity.orgSlug, org_role: role, org_permissions: [] };
  }
  // v2 drops the "org:" prefix of the role and packs the organization into `o`; billing claims sit
  // beside it, each entry scoped `o:` (organization) or `u:` (user).
  return {
    o: { id: identity.orgId, slg: identity.orgSlug, rol: role.replace(/^org:/, "") },
    ...(identity.orgPlan ? { pla: `o:${identity.orgPlan}` } : {}),
    ...(identity.orgFeatures?.length
      ? { fea: identity.orgFeatures.map((feature) => `o:${feature}`).join(",") }
      : {}),
  };
}

export interface MintedSession {
  token: string;
  /** The token's `iat`: a browser's `__client_uat` cookie must not be later than this. */
  issuedAt: number;
}

/** A session token as Clerk's Frontend API issues it, signed RS256 with the run's private key. */
export function mintSessionToken(privateKey: string, options: MintOptions): string {
  return mintSession(privateKey, options).token;
}

export function mintSession(privateKey: string, options: MintOptions): MintedSession {
  const version = options.claimsVersion ?? 2;
  const now = Math.floor(Date.now() / 1000);
  const expiresIn = options.expiresIn ?? 300;
  // An expired token was also issued in the past, as a real one would have been.
  const issuedAt = expiresIn > 0 ? now : now + expiresIn - 60;
  const payload = {
    ...(version === 2 ? { v: 2, sts: options.sessionStatus ?? "active" } : {}),
    sub: options.userId,
    sid: options.sessionId ?? `sess_test_${randomBytes(8).toString("hex")}`,
    iss: `https://${TEST_FRONTEND_API}`,
    azp: options.authorizedParty,
    iat: issuedAt,
    nbf: issuedAt - 5,
    exp: now + expiresIn,
    ...organizationClaims(options, version),
    ...(options.metadata ? { metadata: options.metadata } : {}),
  };
  return { token: signClerkJwt(privateKey, payload), issuedAt };
}

/** Signs any payload the way Clerk signs its JWTs (RS256 with the instance key). */
export function signClerkJwt(privateKey: string, payload: Record<string, unknown>): string {
  const header = { alg: "RS256", typ: "JWT", kid: "ins_test" };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = createSign("RSA-SHA256").update(signingInput).sign(privateKey);
  return `${signingInput}.${base64url(signature)}`;
}

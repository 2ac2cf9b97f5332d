/**
 * How much a request pays for Clerk's networkless session verification (`jwtKey`): Clerk's own
 * `authenticateRequest`, and the REST API's path for a session token (Clerk's `verifyToken` and auth
 * object, without the browser context `authenticateRequest` builds first), per request, on this machine — and, for comparison,
 * an organization API key, which only Clerk's Backend API can verify (here a local stand-in on the
 * loopback, so the figure is the SDK's side plus one local HTTP round trip; against api.clerk.com
 * add the network round trip). The app accepts both, as here (`acceptsToken`). Prints a table.
 *
 *   npm run bench:auth
 */
import { performance } from "node:perf_hooks";
import { createClerkClient, verifyToken } from "@clerk/backend";
import { signedInAuthObject } from "@clerk/backend/internal";
import { startClerkApiServer } from "../tests/support/clerk-api-server";
import { createClerkTestKeys, mintSessionToken } from "../tests/support/clerk-tokens";
import { percentile } from "./lib/stats";

const ORIGIN = "http://localhost:3000";
const WARMUP = 200;
const ITERATIONS = 3_000;

// A benchmark has no business phoning home.
process.env.CLERK_TELEMETRY_DISABLED = "1";

const keys = createClerkTestKeys();
const backendApi = await startClerkApiServer(keys.secretKey);
const clerk = createClerkClient({
  publishableKey: keys.publishableKey,
  secretKey: keys.secretKey,
  jwtKey: keys.jwtPublicKey,
  apiUrl: backendApi.apiUrl,
});
const apiKey = await clerk.apiKeys.create({
  name: "bench",
  subject: "org_demo_acme",
  scopes: ["projects:read"],
});
const identity = { userId: "user_demo_alice", orgId: "org_demo_acme", orgSlug: "acme", orgRole: "org:admin" };

function bearerRequest(token: string | null): Request {
  const headers = new Headers({ Accept: "application/json" });
  if (token) headers.set("Authorization", `Bearer ${token}`);
  return new Request(`${ORIGIN}/api/v1/projects`, { headers });
}

const scenarios: Array<{ name: string; token: string | null }> = [
  {
    name: "valid token (v2 claims)",
    token: mintSessionToken(keys.jwtPrivateKey, { ...identity, authorizedParty: ORIGIN }),
  },
  {
    name: "valid token (v1 claims)",
    token: mintSessionToken(keys.jwtPrivateKey, { ...identity, claimsVersion: 1, authorizedParty: ORIGIN }),
  },
  {
    name: "expired token",
    token: mintSessionToken(keys.jwtPrivateKey, { ...identity, expiresIn: -60, authorizedParty: ORIGIN }),
  },
  {
    name: "token signed with another key",
    token: mintSessionToken(createClerkTestKeys().jwtPrivateKey, { ...identity, authorizedParty: ORIGIN }),
  },
  { name: "no token (signed out)", token: null },
  { name: "API key (Backend API stand-in, loopback)", token: apiKey.secret ?? null },
];

/** Clerk's whole request path: the context it builds for browsers (cookies, handshake), then the token. */
async function viaAuthenticateRequest(token: string | null): Promise<void> {
  const state = await clerk.authenticateRequest(bearerRequest(token), {
    jwtKey: keys.jwtPublicKey,
    authorizedParties: [ORIGIN],
    acceptsToken: ["session_token", "api_key"],
  });
  const auth = state.toAuth();
  // What the app then asks of the session: its role, through Clerk's has().
  if (auth?.isAuthenticated && auth.tokenType === "session_token") auth.has({ role: "org:admin" });
}

/** The REST API's path for a session token (server/auth/request-auth.ts): the token alone. */
async function viaVerifyToken(token: string | null): Promise<void> {
  try {
    const claims = await verifyToken(token ?? "", { jwtKey: keys.jwtPublicKey, authorizedParties: [ORIGIN] });
    signedInAuthObject({ secretKey: keys.secretKey }, token ?? "", claims).has({ role: "org:admin" });
  } catch {
    // Refused: what a bad token costs.
  }
}

async function measure(
  token: string | null,
  verify: (token: string | null) => Promise<void>,
): Promise<number[]> {
  const run = () => verify(token);
  for (let i = 0; i < WARMUP; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b);
}

const micros = (ms: number) => Math.round(ms * 1000);

const rows = [];
const paths = [
  { name: "authenticateRequest", verify: viaAuthenticateRequest, sessionTokensOnly: false },
  { name: "verifyToken (the REST API's path)", verify: viaVerifyToken, sessionTokensOnly: true },
];
for (const scenario of scenarios)
  for (const path of paths) {
    if (path.sessionTokensOnly && (scenario.token === null || scenario.token.startsWith("ak_"))) continue;
    const samples = await measure(scenario.token, path.verify);
    const total = samples.reduce((sum, value) => sum + value, 0);
    rows.push({
      scenario: scenario.name,
      path: path.name,
      "ops/s": Math.round(samples.length / (total / 1000)),
      "p50 µs": micros(percentile(samples, 50)),
      "p95 µs": micros(percentile(samples, 95)),
      "p99 µs": micros(percentile(samples, 99)),
    });
  }
console.log(
  `Clerk authenticateRequest (session tokens with jwtKey, networkless; API keys through the Backend API), ${ITERATIONS} requests each, Node ${process.version}`,
);
console.table(rows);
await backendApi.close();

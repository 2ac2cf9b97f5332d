/**
 * Stands in for Clerk's Frontend API, which the test browser cannot reach, for one exchange only:
 * the handshake. When the middleware needs Clerk (a session token to refresh, an organization to
 * activate from the URL) it redirects the browser to `<frontend API>/v1/client/handshake`; Clerk
 * answers by redirecting back with a handshake token, signed with the instance key, that carries
 * the new session cookies. This does the same with the run's key, and Clerk's SDK in the
 * middleware verifies it with CLERK_JWT_KEY like any handshake. Memberships come from the demo data.
 */
import type { CDPSession, Page } from "playwright-core";
import { mintSession, type SessionIdentity, signClerkJwt } from "../../support/clerk-tokens";
import { e2eContext } from "./e2e-context";
import { membershipOf } from "./identities";

/** What Clerk knows about this browser's client: its live session, or none (signed out / ended). */
export interface ClerkClient {
  session: (SessionIdentity & { metadata?: Record<string, unknown> }) | null;
}

const TEN_YEARS = 10 * 365 * 24 * 3600;

function sessionCookies(client: ClerkClient): string[] {
  if (!client.session) {
    return [
      "__session=; Path=/; Max-Age=0; SameSite=Lax",
      `__client_uat=0; Path=/; Max-Age=${TEN_YEARS}; SameSite=Lax`,
    ];
  }
  const { baseUrl, jwtPrivateKey } = e2eContext();
  const { token, issuedAt } = mintSession(jwtPrivateKey, { ...client.session, authorizedParty: baseUrl });
  return [
    `__session=${token}; Path=/; SameSite=Lax`,
    `__client_uat=${issuedAt}; Path=/; Max-Age=${TEN_YEARS}; SameSite=Lax`,
  ];
}

/** Clerk activates the organization the URL names if the user is a member; otherwise nothing changes. */
function activate(client: ClerkClient, organization: string | null): void {
  if (!client.session || organization === null) return;
  if (organization === "") {
    client.session = { userId: client.session.userId, metadata: client.session.metadata };
    return;
  }
  const membership = membershipOf(client.session.userId, organization);
  if (membership) client.session = { ...membership, metadata: client.session.metadata };
}

/** Where Clerk would send the browser back to after a handshake; null for any other Clerk request. */
function handshakeAnswer(requestUrl: string, client: ClerkClient): string | null {
  const request = new URL(requestUrl);
  const redirectUrl = request.searchParams.get("redirect_url");
  if (request.pathname !== "/v1/client/handshake" || !redirectUrl) return null;
  activate(client, request.searchParams.get("organization_id"));
  const back = new URL(redirectUrl);
  back.searchParams.set(
    "__clerk_handshake",
    signClerkJwt(e2eContext().jwtPrivateKey, { handshake: sessionCookies(client) }),
  );
  return back.toString();
}

interface RequestPaused {
  requestId: string;
  request: { url: string };
}

/**
 * Answers this page's handshakes from `client`. Chrome's own request interception (CDP `Fetch`) is
 * used because the handshake is reached through a redirect, which Playwright's `route()` does not see.
 */
export async function serveClerkHandshakes(page: Page, client: ClerkClient): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  cdp.on("Fetch.requestPaused", (event: RequestPaused) => {
    const back = handshakeAnswer(event.request.url, client);
    const answer = back
      ? cdp.send("Fetch.fulfillRequest", {
          requestId: event.requestId,
          responseCode: 307,
          responseHeaders: [
            { name: "Location", value: back },
            { name: "Cache-Control", value: "no-store" },
          ],
        })
      : // Anything else (clerk-js from the CDN, API calls) stays unreachable, as offline.
        cdp.send("Fetch.failRequest", { requestId: event.requestId, errorReason: "NameNotResolved" });
    answer.catch(() => {
      // The page was closed while the request was paused: nothing left to answer.
    });
  });
  await cdp.send("Fetch.enable", { patterns: [{ urlPattern: `https://${e2eContext().frontendApi}/*` }] });
  return cdp;
}

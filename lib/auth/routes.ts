/**
 * Which URLs need a signed-in user, and where people are sent instead. Shared by the middleware
 * (Edge runtime, so nothing here may import server code) and by the server's auth context.
 */

export const SIGN_IN_PATH = "/sign-in";
export const SIGN_UP_PATH = "/sign-up";
/** Signed in, but no active organization: pick one or create one. */
export const CHOOSE_ORGANIZATION_PATH = "/orgs";
/** Shown instead of every signed-in page while the Clerk keys are not set. */
export const CLERK_SETUP_PATH = "/setup";

/** Clerk's URL pattern for `organizationSyncOptions`: the `:slug` placeholder is the organization's slug. */
export const ORGANIZATION_PATH_PATTERN = "/orgs/:slug";

export function organizationPath(slug: string, ...rest: string[]): string {
  return ["/orgs", encodeURIComponent(slug), ...rest].join("/");
}

/** Paths served to everyone: exact matches. */
const PUBLIC_PAGES = new Set<string>(["/", CLERK_SETUP_PATH]);

/** Path prefixes served to everyone, with everything under them. */
const PUBLIC_PREFIXES = [
  SIGN_IN_PATH,
  SIGN_UP_PATH,
  "/api/webhooks",
  "/api/health",
  // The REST API's description: documentation, no data.
  "/api/v1/openapi.json",
  // The CLI's sign-in: its handlers authenticate the caller themselves (a one-time code and PKCE
  // verifier, or the CLI's API key); a Clerk session is what the CLI does not have.
  "/api/cli",
];

function isUnder(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/**
 * Whether a path is served without a session. Everything else is private by default, so a page
 * or API route added later is protected unless someone deliberately lists it here.
 */
export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PAGES.has(pathname) || PUBLIC_PREFIXES.some((prefix) => isUnder(pathname, prefix));
}

/** API routes answer with JSON status codes, never with a redirect to an HTML page. */
export function isApiPath(pathname: string): boolean {
  return isUnder(pathname, "/api");
}

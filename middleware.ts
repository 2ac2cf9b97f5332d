import { clerkMiddleware } from "@clerk/nextjs/server";
import { type NextRequest, NextResponse } from "next/server";
import {
  CLERK_SETUP_PATH,
  isApiPath,
  isPublicPath,
  ORGANIZATION_PATH_PATTERN,
  SIGN_IN_PATH,
  SIGN_UP_PATH,
} from "./lib/auth/routes";
import { parseClerkGateEnv } from "./lib/config/clerk-gate-env";
import { Failure, failureResponse } from "./lib/failure";

/**
 * The optimistic gate. It only decides "signed in or not" from Clerk's verified session token and
 * never reads the database: every page, action and route handler checks the caller's organization
 * and role again through `server/auth` before it touches data.
 */

// Each variable is named in full: Next.js inlines NEXT_PUBLIC_* values at build time, and only a
// literal `process.env.NAME` is replaced.
const clerk = parseClerkGateEnv({
  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY,
  CLERK_SECRET_KEY: process.env.CLERK_SECRET_KEY,
  CLERK_JWT_KEY: process.env.CLERK_JWT_KEY,
  CLERK_AUTHORIZED_PARTIES: process.env.CLERK_AUTHORIZED_PARTIES,
  APP_URL: process.env.APP_URL,
});

// Refusals in the app's one failure vocabulary (`lib/failure.ts`), so a client handles the gate's
// refusals like the API's own.
const signedOut = () =>
  failureResponse(
    new Failure(
      "unauthenticated",
      "Sign in to continue: send a Clerk session token as `Authorization: Bearer <token>`.",
    ),
  );
const authNotConfigured = () =>
  failureResponse(
    new Failure(
      "auth_not_configured",
      "Sign-in is not configured on this server: set the Clerk keys (see docs/clerk-setup.md).",
    ),
  );

const gate = clerk
  ? clerkMiddleware(
      async (auth, request) => {
        const { pathname } = request.nextUrl;
        if (isPublicPath(pathname)) return;
        const { isAuthenticated, redirectToSignIn } = await auth();
        if (isAuthenticated) return;
        if (isApiPath(pathname)) return signedOut();
        // The way back is the URL the visitor asked for, as Clerk sees it behind proxies (x-forwarded-*).
        return redirectToSignIn();
      },
      {
        // @clerk/nextjs does not read CLERK_JWT_KEY by itself; without it every request would ask
        // Clerk's API for the signing keys and, offline or during an outage, end up signed out.
        jwtKey: clerk.jwtKey,
        authorizedParties: clerk.authorizedParties,
        // The app's own pages, never Clerk's hosted Account Portal.
        signInUrl: SIGN_IN_PATH,
        signUpUrl: SIGN_UP_PATH,
        // Opening /orgs/acme makes "acme" the session's active organization, so a shared link acts
        // for the organization it names (the page still 404s if that fails, see the org layout).
        organizationSyncOptions: {
          organizationPatterns: [ORGANIZATION_PATH_PATTERN, `${ORGANIZATION_PATH_PATTERN}/(.*)`],
        },
      },
    )
  : null;

/** Without Clerk keys nothing can be signed in: private pages explain the setup, private APIs say 503. */
function keylessGate(request: NextRequest): Response | undefined {
  const { pathname } = request.nextUrl;
  if (isPublicPath(pathname)) return;
  if (isApiPath(pathname)) return authNotConfigured();
  return NextResponse.redirect(new URL(CLERK_SETUP_PATH, request.url));
}

export default gate ?? keylessGate;

export const config = {
  // Node.js, not the Edge sandbox: the same Clerk work costs less CPU per request there (bench/README.md
  // has the side-by-side figures).
  runtime: "nodejs",
  // The landing page (`/`) skips the middleware: it is static, reads no session and renders outside
  // `<ClerkProvider>`, so Clerk's handshake and verification would only cost it time.
  // Webhook deliveries skip the middleware entirely: their Svix signature is their authentication, and
  // Clerk's session handling only costs them time (about half the server's webhook throughput).
  // The REST API (/api/v1) skips it too: `apiRoute` verifies its Bearer credential itself and refuses
  // without one (401), and Clerk's middleware verifies every token it sees with `acceptsToken: "any"`
  // — for an API key, a Backend API round trip the route handler would then repeat.
  matcher: [
    // Everything except the landing page, Next.js internals, webhooks, the REST API and static files
    // (Clerk's recommended matcher, with the extension anchored at the end: unanchored,
    // `/orgs/acme/x.png.evil` skipped the gate)…
    "/((?!$|_next|api/webhooks|api/v1(?:/|$)|[^?]*\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|woff2?|ico|csv|docx?|xlsx?|zip|webmanifest)$).*)",
    // …and every other API route, whatever its extension.
    "/(api(?!/webhooks|/v1(?:/|$))|trpc)(.*)",
  ],
};

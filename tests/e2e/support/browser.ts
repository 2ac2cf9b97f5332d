/**
 * Chromium for the browser tests, and sign-in by cookie: the cookies Clerk's own browser SDK
 * would have set after a real sign-in, carrying a token this run signed and the app verifies.
 */
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { type MintOptions, mintSession } from "../../support/clerk-tokens";
import { type ClerkClient, serveClerkHandshakes } from "./clerk-frontend-api";
import { e2eContext } from "./e2e-context";

export async function launchChromium(): Promise<Browser> {
  const { chromiumPath } = e2eContext();
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      // Nothing but the app resolves: Clerk's CDN and servers are unreachable, as offline.
      // …and the loopback address, where `orgs login` listens for the browser coming back.
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
    ],
  });
}

const clients = new WeakMap<BrowserContext, ClerkClient>();
const baseUrls = new WeakMap<BrowserContext, string>();

/**
 * A fresh browser profile for the app, signed out. It carries Clerk's development-browser cookie,
 * which a real browser gets on its first visit to a `pk_test_` app (from Clerk's servers, which
 * these tests do not have); without it every page would first bounce to Clerk.
 */
export async function newAppContext(
  browser: Browser,
  /** Where the app is reached; default: the run's `next start` (a load balancer in front of others, say). */
  baseUrl = e2eContext().baseUrl,
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 } });
  await context.addCookies([{ name: "__clerk_db_jwt", value: "dvb_e2e_test", url: baseUrl }]);
  clients.set(context, { session: null });
  baseUrls.set(context, baseUrl);
  return context;
}

export type BrowserIdentity = Omit<MintOptions, "authorizedParty" | "expiresIn">;

export interface SignInOptions {
  /** Seconds until the session token in the cookie expires; negative for an already expired one. */
  tokenExpiresIn?: number;
  /** The session was ended at Clerk (signed out elsewhere, revoked): a refresh finds nothing. */
  sessionEnded?: boolean;
}

/** A new tab whose visits to Clerk's handshake are answered as Clerk would (see clerk-frontend-api.ts). */
export async function newAppPage(context: BrowserContext): Promise<Page> {
  const client = clients.get(context);
  if (!client) throw new Error("newAppPage() needs a context from newAppContext()");
  const page = await context.newPage();
  await serveClerkHandshakes(page, client);
  return page;
}

/** Signs the browser in as `identity`: Clerk's session cookies with a freshly minted token. */
export async function signIn(
  context: BrowserContext,
  identity: BrowserIdentity,
  options: SignInOptions = {},
): Promise<void> {
  const { jwtPrivateKey } = e2eContext();
  const client = clients.get(context);
  const baseUrl = baseUrls.get(context);
  if (!client || !baseUrl) throw new Error("signIn() needs a context from newAppContext()");
  client.session = options.sessionEnded ? null : identity;
  const { token, issuedAt } = mintSession(jwtPrivateKey, {
    ...identity,
    expiresIn: options.tokenExpiresIn,
    authorizedParty: baseUrl,
  });
  await context.addCookies([
    { name: "__session", value: token, url: baseUrl },
    // When the browser's client last changed; Clerk refreshes any token issued before it.
    { name: "__client_uat", value: String(issuedAt), url: baseUrl },
  ]);
}

/** Saves a full-page screenshot under test-results/e2e/screenshots for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const { outputDir } = e2eContext();
  await page.screenshot({ path: path.join(outputDir, "screenshots", `${name}.png`), fullPage: true });
}

/** The text a person reads in `locator`, laid out as rendered (so "Users 3" is not "Users3"). */
export function visibleText(locator: Locator): Promise<string> {
  return locator.innerText();
}

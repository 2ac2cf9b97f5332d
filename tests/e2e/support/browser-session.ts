/** One Chromium per test file and a fresh profile per test, closed afterwards. */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll } from "vitest";
import {
  type BrowserIdentity,
  launchChromium,
  newAppContext,
  newAppPage,
  type SignInOptions,
  signIn,
} from "./browser";

export function openBrowserPerFile() {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A new page in a new profile, signed in as `identity` (or signed out for null). */
  return async function openAs(identity: BrowserIdentity | null, options?: SignInOptions): Promise<Page> {
    if (!browser) throw new Error("the browser is not running yet");
    const context = await newAppContext(browser);
    contexts.push(context);
    if (identity) await signIn(context, identity, options);
    return newAppPage(context);
  };
}

import { describe, expect, it } from "vitest";
import { clerkScriptsIn } from "../lib/clerk-browser-sdk";

// As `<ClerkProvider>` renders them into a page (captured from this app's landing page).
const landingPageHead = `
<link rel="preload" href="https://clerk.starter.test/npm/@clerk/ui@1/dist/ui.browser.js" as="script" crossorigin="anonymous"/>
<script src="/_next/static/chunks/1vf_8iqjg8tpr.js" async=""></script>
<script src="https://clerk.starter.test/npm/@clerk/clerk-js@6/dist/clerk.browser.js" data-clerk-js-script="true" async="" crossorigin="anonymous"></script>
<script src="https://clerk.starter.test/npm/@clerk/clerk-js@6/dist/clerk.browser.js" async=""></script>`;

describe("Clerk's scripts in a page", () => {
  it("finds the browser SDK and the components bundle with their version ranges, each once", () => {
    expect(clerkScriptsIn(landingPageHead)).toEqual([
      {
        reference: "@clerk/ui@1/dist/ui.browser.js",
        packageName: "@clerk/ui",
        versionRange: "1",
        file: "dist/ui.browser.js",
      },
      {
        reference: "@clerk/clerk-js@6/dist/clerk.browser.js",
        packageName: "@clerk/clerk-js",
        versionRange: "6",
        file: "dist/clerk.browser.js",
      },
    ]);
  });

  it("finds nothing in a page rendered without Clerk", () => {
    expect(clerkScriptsIn('<script src="/_next/static/chunks/main.js"></script>')).toEqual([]);
  });
});

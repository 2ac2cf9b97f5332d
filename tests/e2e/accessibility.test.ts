/**
 * Accessibility, checked rather than hoped for: axe-core runs on every main page (support/main-pages.ts)
 * in the light and the dark theme, at desktop (1280 px) and phone (390 px) width, and any serious or
 * critical violation fails the test. The same visits save the screenshots people review
 * (test-results/e2e/screenshots/<page>-<theme>-<width>.png) and each page's full axe report
 * (test-results/e2e/axe/), and check that the theme took effect without a CSP violation.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { screenshot } from "./support/browser";
import { openBrowserPerFile } from "./support/browser-session";
import { e2eContext } from "./support/e2e-context";
import { demoProjectId, MAIN_PAGES, pathOf, streamedIn } from "./support/main-pages";

const openAs = openBrowserPerFile();
const WIDTHS = [
  { name: "1280", width: 1280, height: 800 },
  { name: "390", width: 390, height: 844 },
] as const;
const THEMES = ["light", "dark"] as const;

let projectId = "";
beforeAll(async () => {
  projectId = await demoProjectId();
});

/** The serious and critical violations, one line each: rule, impact, and where. */
async function seriousViolations(page: Page, reportName: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  const dir = path.join(e2eContext().outputDir, "axe");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${reportName}.json`), JSON.stringify(results.violations, null, 2));
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(" ")}`),
    );
}

describe.each(THEMES)("in the %s theme", (theme) => {
  it.each(MAIN_PAGES)(
    "$name has no serious or critical axe violation at 1280 and 390 px, and no CSP error",
    async (target) => {
      const targetPath = pathOf(target, projectId);
      const page = await openAs(target.as);
      const cspViolations: string[] = [];
      page.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
      });
      // next-themes' default is the system setting: the browser reports the theme under test.
      await page.emulateMedia({ colorScheme: theme });

      const found: string[] = [];
      for (const size of WIDTHS) {
        await page.setViewportSize({ width: size.width, height: size.height });
        await page.goto(targetPath);
        await page.locator("h1").first().waitFor();
        await streamedIn(page);
        expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(
          theme === "dark",
        );
        const name = `${target.name}-${theme}-${size.name}`;
        await screenshot(page, name);
        found.push(...(await seriousViolations(page, name)).map((line) => `${size.name} px: ${line}`));
      }
      expect(found, `${target.name} (${targetPath})`).toEqual([]);
      expect(cspViolations).toEqual([]);
    },
  );
});

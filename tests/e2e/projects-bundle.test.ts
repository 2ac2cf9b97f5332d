/**
 * The projects forms validate with the shared zod schemas on the server; the browser gets the limits
 * and labels as props. zod itself (~30 kB gzip) must not be in what the form pages load first —
 * a client component importing `@/lib/validation/*` for a constant would put it back.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { firstLoadJs } from "../support/first-load-js";
import { e2eContext } from "./support/e2e-context";

const FORM_ROUTES = [
  "/orgs/[slug]/projects/new",
  "/orgs/[slug]/projects/[projectId]",
  "/orgs/[slug]/projects/[projectId]/edit",
];

function firstLoadChunks(route: string): Array<{ file: string; content: string }> {
  const distDir = e2eContext().distDir;
  const measured = firstLoadJs(distDir, route);
  if (!measured) throw new Error(`the build has no page for ${route}`);
  return measured.chunks.map(({ file }) => ({
    file,
    content: readFileSync(path.join(distDir, file), "utf8"),
  }));
}

describe("the projects form pages' first-load JavaScript", () => {
  it.each(FORM_ROUTES)("holds the form's client component but not zod: %s", (route) => {
    const chunks = firstLoadChunks(route);
    // The scan reads the chunks that render the form: its client component calls useActionState.
    expect(chunks.some(({ content }) => content.includes("useActionState"))).toBe(true);
    expect(chunks.filter(({ content }) => content.includes("ZodError")).map(({ file }) => file)).toEqual([]);
  });
});

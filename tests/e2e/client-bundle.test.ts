/**
 * What the browser can download must not hold a secret. The app was built with this run's secret
 * key and webhook signing secret in its environment; none of their values may appear in `.next/static`.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { e2eContext } from "./support/e2e-context";

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

let staticFiles: Array<{ file: string; content: string }> = [];

beforeAll(() => {
  staticFiles = filesUnder(path.join(e2eContext().distDir, "static")).map((file) => ({
    file,
    content: readFileSync(file, "latin1"),
  }));
});

const filesContaining = (value: string) =>
  staticFiles.filter(({ content }) => content.includes(value)).map(({ file }) => file);

describe("the client bundle", () => {
  it("holds the public publishable key (so the scan below really reads what the build produced)", () => {
    expect(staticFiles.filter(({ file }) => file.endsWith(".js")).length).toBeGreaterThan(5);
    expect(filesContaining(e2eContext().publishableKey)).not.toEqual([]);
  });

  it("holds neither the Clerk secret key nor the webhook signing secret", () => {
    const { secretKey, webhookSigningSecret } = e2eContext();
    expect(filesContaining(secretKey)).toEqual([]);
    expect(filesContaining(webhookSigningSecret)).toEqual([]);
    // Nor their distinctive halves, in case a build step split or re-encoded them.
    expect(filesContaining(secretKey.slice("sk_test_".length))).toEqual([]);
    expect(filesContaining(webhookSigningSecret.slice("whsec_".length))).toEqual([]);
  });
});

describe("the server build", () => {
  it("does not bake in the JWT public key: the server reads CLERK_JWT_KEY when it starts", () => {
    // The build ran without CLERK_JWT_KEY; the signed-in tests pass only because `next start` got it.
    const keyBody = e2eContext().jwtPublicKey.split("\n")[1] ?? "";
    expect(keyBody.length).toBeGreaterThan(40);
    const serverFiles = filesUnder(path.join(e2eContext().distDir, "server"));
    const baked = serverFiles.filter((file) => readFileSync(file, "latin1").includes(keyBody));
    expect(baked).toEqual([]);
  });
});

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildFingerprint } from "../lib/build";

let root: string;

function write(file: string, content: string) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), content);
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "bench-fingerprint-"));
  execFileSync("git", ["init", "-q"], { cwd: root });
  write(".gitignore", ".next/\n");
  write("app/page.tsx", "export default function Page() { return null; }");
  write("package-lock.json", "{}");
  write("bench/results.md", "old results");
  execFileSync("git", ["add", "."], { cwd: root });
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

const env = { NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "pk_test_a", CLERK_SECRET_KEY: "sk_test_1" };

describe("whether the existing build is current", () => {
  it("is the same for the same sources and build settings", () => {
    expect(buildFingerprint(root, env)).toBe(buildFingerprint(root, { ...env }));
  });

  it("changes with a source file, tracked or new", () => {
    const before = buildFingerprint(root, env);
    write("app/page.tsx", "export default function Page() { return 1; }");
    const edited = buildFingerprint(root, env);
    write("app/new/page.tsx", "export default function New() { return null; }");
    expect(new Set([before, edited, buildFingerprint(root, env)]).size).toBe(3);
  });

  it("changes with a NEXT_PUBLIC_ value, which Next.js inlines into the build", () => {
    expect(buildFingerprint(root, env)).not.toBe(
      buildFingerprint(root, { ...env, NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "pk_test_b" }),
    );
  });

  it("changes with a .env file, which Next.js reads while building", () => {
    const before = buildFingerprint(root, env);
    write(".env", "NEXT_PUBLIC_FEATURE=on");
    expect(buildFingerprint(root, env)).not.toBe(before);
  });

  it("ignores run-time secrets, the benchmark's own files, tests and docs", () => {
    const before = buildFingerprint(root, env);
    write("bench/results.md", "new results");
    write("tests/unit/x.test.ts", "// a test");
    write("docs/benchmarks.md", "# docs");
    expect(
      buildFingerprint(root, { ...env, CLERK_SECRET_KEY: "sk_test_2", DATABASE_URL: "postgresql://x" }),
    ).toBe(before);
  });

  it("of the baseline app, changes with its own files, the lockfile and the Prisma schema only", () => {
    write("bench/baseline-app/app/(bare)/page.tsx", "export default function Bare() { return null; }");
    const before = buildFingerprint(root, env, "bench/baseline-app");
    write("app/page.tsx", "export default function Page() { return 2; }");
    write("bench/auth.ts", "// another benchmark");
    expect(buildFingerprint(root, env, "bench/baseline-app")).toBe(before);
    for (const [file, content] of [
      ["bench/baseline-app/app/(bare)/page.tsx", "export default function Bare() { return 1; }"],
      ["package-lock.json", '{"lockfileVersion":3}'],
      ["prisma/schema.prisma", "// a model"],
      ["bench/baseline-app/.env", "NEXT_PUBLIC_FEATURE=on"],
    ] as const) {
      const previous = buildFingerprint(root, env, "bench/baseline-app");
      write(file, content);
      expect(buildFingerprint(root, env, "bench/baseline-app"), file).not.toBe(previous);
    }
  });

  it("is unknown outside a git checkout, so the benchmark builds every time", () => {
    rmSync(path.join(root, ".git"), { recursive: true });
    expect(buildFingerprint(root, env)).toBeNull();
  });
});

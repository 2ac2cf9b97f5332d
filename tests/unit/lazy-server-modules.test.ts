/**
 * Importing server/env.ts and server/db.ts does no work: settings are read, and the Prisma client
 * built, on first use, once. Scripts and tests import them plainly and set `process.env` afterwards.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { lazyObject } from "@/server/lazy-object";

const DATABASE_URL = "postgresql://app:secret@127.0.0.1:1/app";
let saved: NodeJS.ProcessEnv;

beforeEach(() => {
  saved = { ...process.env };
  delete process.env.DATABASE_URL;
  delete process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY;
  delete process.env.CLERK_SECRET_KEY;
  vi.resetModules();
});
afterEach(() => {
  process.env = saved;
});

describe("server configuration", () => {
  it("imports without DATABASE_URL and reads the value set after the import", async () => {
    const { env } = await import("@/server/env");
    process.env.DATABASE_URL = DATABASE_URL;
    expect(env.databaseUrl).toBe(DATABASE_URL);
  });

  it("parses once per process: later changes to process.env are not seen", async () => {
    const { env, loadServerEnv } = await import("@/server/env");
    process.env.DATABASE_URL = DATABASE_URL;
    const first = loadServerEnv();
    process.env.DATABASE_URL = "postgresql://other@localhost/other";
    expect(loadServerEnv()).toBe(first);
    expect(env.databaseUrl).toBe(DATABASE_URL);
  });

  it("names the missing variable on first use, not on import", async () => {
    const { env } = await import("@/server/env");
    expect(() => env.databaseUrl).toThrow(/DATABASE_URL is required/);
  });

  it("tells whether Clerk is configured from the settings of first use", async () => {
    const { isClerkConfigured } = await import("@/server/env");
    process.env.DATABASE_URL = DATABASE_URL;
    process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY = "pk_test_Y2xlcmsuZXhhbXBsZS5jb20k";
    process.env.CLERK_SECRET_KEY = "sk_test_abc123";
    expect(isClerkConfigured()).toBe(true);
  });
});

describe("the app's Prisma client", () => {
  it("imports without DATABASE_URL, and is built with the value set afterwards", async () => {
    const { db } = await import("@/server/db");
    process.env.DATABASE_URL = DATABASE_URL;
    // Nothing listens on port 1: the query fails at connect, which proves the client was built from it.
    await expect(db.$queryRaw`SELECT 1`).rejects.toThrow(/127\.0\.0\.1:1/);
    await db.$disconnect();
  });
});

describe("lazyObject", () => {
  it("creates its object on first property access, once", () => {
    const create = vi.fn(() => ({ answer: 42 }));
    const lazy = lazyObject(create);
    expect(create).not.toHaveBeenCalled();
    expect(lazy.answer).toBe(42);
    expect(lazy.answer).toBe(42);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it("calls methods on the real object, so private fields work", () => {
    class Counter {
      #count = 0;
      increment(): number {
        return ++this.#count;
      }
    }
    const counter = lazyObject(() => new Counter());
    counter.increment();
    expect(counter.increment()).toBe(2);
  });
});

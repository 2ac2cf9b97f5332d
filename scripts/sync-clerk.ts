/**
 * `npm run sync:clerk`: pulls every user, organization and membership from Clerk's Backend API and
 * applies them through the same order-safe functions as the webhooks, then tombstones what Clerk no
 * longer has. For a first import, or after webhooks were missed (endpoint down for more than Svix's
 * ~28 hours of retries, signing secret rotated, …). Safe to run at any time, as often as you like.
 *
 * Needs CLERK_SECRET_KEY (and the database: DATABASE_URL, or the embedded one of `npm run dev`).
 * CLERK_API_URL points it at another Backend API (the tests use a local stand-in).
 */
import { createClerkClient } from "@clerk/backend";
import { exitWithError, withDatabaseUrl } from "./lib/database-url";

async function main(): Promise<void> {
  const secretKey = process.env.CLERK_SECRET_KEY;
  if (!secretKey) {
    throw new Error("CLERK_SECRET_KEY is not set: add it to .env (Clerk Dashboard → Configure → API keys).");
  }
  const clerk = createClerkClient({ secretKey, apiUrl: process.env.CLERK_API_URL || undefined });

  const summary = await withDatabaseUrl(async (databaseUrl) => {
    // server/ modules read their settings when first imported.
    process.env.DATABASE_URL = databaseUrl;
    const { createPrismaClient } = await import("../server/db");
    const { reconcileWithClerk } = await import("../server/webhooks/clerk/reconcile");
    const db = createPrismaClient(databaseUrl);
    try {
      console.log("▸ Reading Clerk's users, organizations and memberships…");
      return await reconcileWithClerk({ clerk, db, onProgress: (message) => console.log(`  ${message}`) });
    } finally {
      await db.$disconnect();
    }
  });

  console.log("\n▸ Summary");
  const rows = Object.entries(summary).map(([object, tally]) => ({ object, ...tally }));
  console.table(rows.reduce((table, { object, ...tally }) => Object.assign(table, { [object]: tally }), {}));
}

/** Clerk's API errors carry their reasons in `errors[]` and an empty message: show the reasons. */
function explainClerkError(error: unknown): unknown {
  if (typeof error !== "object" || error === null || !("errors" in error) || !Array.isArray(error.errors)) {
    return error;
  }
  const reasons = error.errors.map(
    (entry: { message?: string; long_message?: string }) => entry.long_message ?? entry.message,
  );
  return new Error(`Clerk's Backend API answered with an error: ${reasons.join("; ")}`);
}

main().catch((error) => exitWithError(explainClerkError(error)));

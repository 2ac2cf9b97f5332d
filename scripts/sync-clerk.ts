/**
 * `npm run sync:clerk [-- --dry-run | --force]`: pulls every user, organization and membership from
 * Clerk's Backend API and applies them through the same order-safe functions as the webhooks, then
 * tombstones what Clerk no longer has. For a first import, or after webhooks were missed (endpoint
 * down for more than Svix's ~28 hours of retries, signing secret rotated, …).
 *
 * --dry-run  works out every change and writes none; prints the plan.
 * --force    goes on when a safety check refuses (see server/webhooks/clerk/reconcile-checks.ts):
 *            the key looks like another instance's, or it would tombstone more than a small share.
 *
 * Needs CLERK_SECRET_KEY (and the database: DATABASE_URL, or the embedded one of `npm run dev`).
 * CLERK_API_URL points it at another Backend API (the tests use a local stand-in). Exits non-zero on
 * any failure or refusal.
 */
import { parseArgs } from "node:util";
import { createClerkClient } from "@clerk/backend";
import { createPrismaClient } from "../server/db";
import { type ReconcileReport, reconcileWithClerk } from "../server/webhooks/clerk/reconcile";
import { withDatabaseUrl } from "./lib/database-url";
import { exitWithError, runScript } from "./lib/script-exit";

// Ids printed per kind in the plan; the summary counts them all.
const LISTED_IDS = 20;

async function main(): Promise<number> {
  const { values: flags } = parseArgs({
    options: { "dry-run": { type: "boolean", default: false }, force: { type: "boolean", default: false } },
  });
  const secretKey = process.env.CLERK_SECRET_KEY;
  if (!secretKey) {
    throw new Error("CLERK_SECRET_KEY is not set: add it to .env (Clerk Dashboard → Configure → API keys).");
  }
  const clerk = createClerkClient({ secretKey, apiUrl: process.env.CLERK_API_URL || undefined });

  const report = await withDatabaseUrl(async (databaseUrl) => {
    const db = createPrismaClient(databaseUrl);
    try {
      console.log(
        `▸ Reading Clerk's users, organizations and memberships${flags["dry-run"] ? " (dry run)" : ""}…`,
      );
      return await reconcileWithClerk({
        clerk,
        db,
        dryRun: flags["dry-run"],
        force: flags.force,
        onProgress: (message) => console.log(`  ${message}`),
      });
    } finally {
      await db.$disconnect();
    }
  });
  printReport(report, flags["dry-run"]);
  return 0;
}

function printReport({ summary, tombstoned, refusal }: ReconcileReport, dryRun: boolean): void {
  console.log(dryRun ? "\n▸ Dry run: nothing was written. A run would change:" : "\n▸ Summary");
  console.table(summary);
  for (const [kind, ids] of Object.entries(tombstoned)) {
    if (ids.length === 0) continue;
    const more = ids.length > LISTED_IDS ? `, … and ${ids.length - LISTED_IDS} more` : "";
    console.log(
      `  ${kind}s ${dryRun ? "to tombstone" : "tombstoned"}: ${ids.slice(0, LISTED_IDS).join(", ")}${more}`,
    );
  }
  if (dryRun && refusal) console.log(`\n⚠ Without --force, a run would refuse: ${refusal}`);
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

runScript(() => main().catch((error) => exitWithError(explainClerkError(error))));

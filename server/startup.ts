import "server-only";
import { findDatabaseRoleProblems } from "./database-role";
import { db } from "./db";
import { loadServerEnv } from "./env";

/**
 * Runs once when a Node.js server starts (from `instrumentation.ts`): the configuration must parse,
 * and the database role must be one that row-level security binds. Either failure stops the server
 * with a message for the operator (exit 1) instead of a server that is "ready" but unsafe or broken.
 */
export async function checkStartupOrExit(): Promise<void> {
  try {
    loadServerEnv();
  } catch (error) {
    // A configuration error is for the operator: the message names the variable; a stack trace adds nothing.
    exitWithMessage(error instanceof Error ? error.message : String(error));
  }
  // `next build` runs this too; it never connects to the database (and need not have DATABASE_URL).
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  let problems: string[];
  try {
    problems = await findDatabaseRoleProblems(db);
  } catch (error) {
    // The database may come up after the app; requests then answer 503 until it does. The role is
    // checked on the next start, so say loudly that it was not checked now.
    const reason = (error instanceof Error ? error.message : String(error)).trim().split("\n").at(-1);
    console.warn(
      `⚠ Could not check the database role in DATABASE_URL (${reason}); row-level security settings were not verified.`,
    );
    return;
  }
  if (problems.length > 0) exitWithMessage(`Refusing to start:\n  - ${problems.join("\n  - ")}`);
}

function exitWithMessage(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

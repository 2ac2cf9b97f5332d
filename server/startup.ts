import "server-only";

/** Runs once when a Node.js server starts (from `instrumentation.ts`). */
export async function checkConfigurationOrExit(): Promise<void> {
  try {
    await import("./env");
  } catch (error) {
    // A configuration error is for the operator: the message names the variable; a stack trace adds nothing.
    console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

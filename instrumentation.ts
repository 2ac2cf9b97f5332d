// Next.js calls register() once when a server starts: validate the configuration there, so a
// missing or malformed variable stops start-up with a message that names it, instead of a server
// that is "ready" but fails every request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  try {
    await import("./server/env");
  } catch (error) {
    console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

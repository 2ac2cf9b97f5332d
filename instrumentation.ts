// Next.js calls register() once when a server starts: validate the configuration there, so a
// missing or malformed variable stops start-up with a message that names it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./server/env");
  }
}
